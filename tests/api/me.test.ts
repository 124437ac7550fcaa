import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { PERMISSIONS } from "@/lib/access/permissions";
import { DEMO, startApiRegistry, type ApiRegistry } from "./support/api-registry";
import { assertError } from "./support/assert-error";
import { call, expectStatus, type Credential } from "./support/call";

let reg: ApiRegistry;

const me = async (as: Credential) => (await expectStatus(200, "GET", "/api/me", { as })).json;
const groupsOf = (body: { groups: { name: string; reasons: unknown[] }[] }) =>
  Object.fromEntries(body.groups.map((group) => [group.name, group.reasons]));

before(async () => {
  reg = await startApiRegistry();
});
after(async () => reg?.close());

test("an admin's session: kind user, registry-admins by assignment, every permission", async () => {
  const body = await me({ session: await reg.session(reg.userIds.adele) });
  assert.equal(body.kind, "user");
  assert.equal(body.id, reg.userIds.adele);
  assert.equal(body.displayName, "Adele Vance");
  assert.deepEqual(groupsOf(body), { "registry-admins": [{ kind: "assignment" }] });
  assert.deepEqual(body.permissions, [...PERMISSIONS].sort());
});

test("a user signed in with an Entra group mapped to team-payments gets it, with that reason", async () => {
  const alex = await reg.signIn(DEMO.users.alex, { groups: [DEMO.entraGroups.payments.toUpperCase()] });
  const body = await me({ session: alex });
  assert.equal(body.id, reg.userIds.alex);
  assert.deepEqual(groupsOf(body), { "team-payments": [{ kind: "entra-group", value: DEMO.entraGroups.payments }] });
  assert.deepEqual(body.permissions, ["tokens:create"]);
});

test("a user without groups: 200, no groups, no permissions", async () => {
  const body = await me({ session: await reg.signIn(DEMO.users.alex, { groups: [] }) });
  assert.deepEqual(body.groups, []);
  assert.deepEqual(body.permissions, []);
});

test("payments-ci-pipeline: kind m2m, team-payments by assignment, its tenant and client id", async () => {
  const body = await me({ bearer: reg.appToken(DEMO.apps.payments) });
  assert.equal(body.kind, "m2m");
  assert.equal(body.id, reg.accountIds.payments);
  assert.equal(body.displayName, "payments-ci-pipeline");
  assert.equal(body.tenantId, DEMO.tenant);
  assert.equal(body.clientId, DEMO.apps.payments);
  assert.deepEqual(groupsOf(body), { "team-payments": [{ kind: "assignment" }] });
  assert.deepEqual(body.permissions, ["tokens:create"]);
});

test("catalog-sync-job: catalog-readers through the Registry.Read app role; no role, no group", async () => {
  const body = await me({ bearer: reg.appToken(DEMO.apps.catalogSync, { roles: ["Registry.Read"] }) });
  assert.deepEqual(groupsOf(body), { "catalog-readers": [{ kind: "app-role", value: "Registry.Read" }] });
  assert.deepEqual(body.permissions, []);
  assert.deepEqual((await me({ bearer: reg.appToken(DEMO.apps.catalogSync) })).groups, []);
  // A v1 token (sts.windows.net issuer, appid instead of azp) is the same caller.
  const v1 = await me({
    bearer: reg.appToken(DEMO.apps.catalogSync, {
      iss: `https://sts.windows.net/${DEMO.tenant}/`,
      ver: "1.0",
      aud: `api://${DEMO.apiClient}`,
      azp: undefined,
      appid: DEMO.apps.catalogSync,
      roles: ["Registry.Read"],
    }),
  });
  assert.equal(v1.id, reg.accountIds.catalogSync);
  assert.deepEqual(groupsOf(v1), { "catalog-readers": [{ kind: "app-role", value: "Registry.Read" }] });
});

test("an M2M token's groups claim maps Entra groups, unless it carries the overage marker", async () => {
  const mapped = await me({ bearer: reg.appToken(DEMO.apps.catalogSync, { groups: [DEMO.entraGroups.payments] }) });
  assert.deepEqual(groupsOf(mapped), { "team-payments": [{ kind: "entra-group", value: DEMO.entraGroups.payments }] });
  const overage = await me({
    bearer: reg.appToken(DEMO.apps.catalogSync, {
      groups: [DEMO.entraGroups.payments],
      roles: ["Registry.Read"],
      _claim_names: { groups: "src1" },
    }),
  });
  assert.deepEqual(Object.keys(groupsOf(overage)), ["catalog-readers"]);
  const warnings = await reg.db.auditEvent.findMany({
    where: { action: "auth.groups-overage", targetId: reg.accountIds.catalogSync },
  });
  assert.equal(warnings.length, 1, "one audit warning for the overage token");
  assert.match(warnings[0]!.reason ?? "", /overage/);
});

test("the bootstrap M2M admin: registry-admins by assignment, every permission", async () => {
  const body = await me({ bearer: reg.appToken(DEMO.apps.bootstrapAdmin) });
  assert.deepEqual(groupsOf(body), { "registry-admins": [{ kind: "assignment" }] });
  assert.deepEqual(body.permissions, [...PERMISSIONS].sort());
});

test("a registry API token: kind token, its owner, server restriction, groups narrowed by the token", async () => {
  const adele = { session: await reg.session(reg.userIds.adele) };
  const created = (
    await expectStatus(201, "POST", "/api/tokens", { as: adele, body: { name: "me", servers: ["github"] } })
  ).json;
  const body = await me({ bearer: created.token });
  assert.equal(body.kind, "token");
  assert.equal(body.id, created.id);
  assert.equal(body.ownerId, reg.userIds.adele);
  assert.deepEqual(body.servers, ["github"]);
  assert.deepEqual(body.permissions, [], "an admin's token carries no permission it was not given");
  assert.deepEqual(groupsOf(body), {
    "registry-admins": [{ kind: "assignment" }, { kind: "token-subset", tokenId: created.id }],
  });
  assert.match(body.displayName, /Adele Vance/);
});

test("a delegated Entra token acts as the registry user it names", async () => {
  const body = await me({ bearer: reg.delegatedToken(DEMO.users.adele) });
  assert.equal(body.kind, "user");
  assert.equal(body.id, reg.userIds.adele);
  assert.deepEqual(body.permissions, [...PERMISSIONS].sort());
  assertError(await call("GET", "/api/me", { as: { bearer: reg.delegatedToken(DEMO.users.megan) } }), 403, "forbidden");
});
