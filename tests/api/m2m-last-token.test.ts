import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { forgetRecordedM2mTokens, recordM2mToken } from "@/lib/auth/record-m2m-token";
import { findM2mAccounts } from "@/lib/iam/m2m-accounts/find-m2m-accounts";
import { DEMO, startApiRegistry, type ApiRegistry } from "./support/api-registry";
import { expectStatus } from "./support/call";
import { systemContext } from "@/lib/system-context";

let reg: ApiRegistry;
let admin: { session: string };

before(async () => {
  reg = await startApiRegistry();
  admin = { session: await reg.session(reg.userIds.adele) };
});
after(async () => reg?.close());

const explainAccount = async (id: string) =>
  (await expectStatus(200, "POST", "/api/iam/explain", { as: admin, body: { m2mAccountId: id } })).json;
const lastTokenStep = (body: any) => body.verdict.steps.find((step: any) => step.step === "last token");

test("an account that never called: only assigned groups, and the explainer says so", async () => {
  const body = await explainAccount(reg.accountIds.catalogSync);
  assert.deepEqual(body.access.groups, []);
  assert.deepEqual(body.access.servers, []);
  assert.equal(body.lastToken, null);
  assert.match(lastTokenStep(body).detail, /^Never called: only assigned groups/);
});

test("catalog-sync-job's token is recorded; its view access then includes catalog-readers through Registry.Read", async () => {
  await expectStatus(200, "GET", "/api/me", {
    as: { bearer: reg.appToken(DEMO.apps.catalogSync, { roles: ["Registry.Read"] }) },
  });
  const row = await reg.db.m2mAccount.findUniqueOrThrow({ where: { id: reg.accountIds.catalogSync } });
  assert.deepEqual(row.lastTokenRoles, ["Registry.Read"]);
  assert.deepEqual(row.lastTokenGroups, []);
  assert.equal(row.lastTokenVersion, 2);
  assert.equal(row.lastTokenOverage, false);
  assert.equal(row.lastTokenGroupsSource, "token");
  assert.ok(row.lastTokenAt && Date.now() - row.lastTokenAt.getTime() < 60_000);

  const body = await explainAccount(reg.accountIds.catalogSync);
  assert.deepEqual(
    body.access.groups.map((g: any) => [g.name, g.reasons]),
    [["catalog-readers", [{ kind: "app-role", value: "Registry.Read" }]]],
  );
  assert.deepEqual(
    body.access.servers.map((s: any) => s.slug),
    DEMO.enabledServers,
  );
  assert.match(
    lastTokenStep(body).detail,
    new RegExp(`as of the last token at ${row.lastTokenAt!.toISOString()}: v2\\.0 token; app roles: Registry\\.Read`),
  );
  assert.equal(lastTokenStep(body).ok, true);

  const record = (
    await expectStatus(200, "GET", "/api/iam/m2m-accounts/{id}", {
      as: admin,
      params: { id: reg.accountIds.catalogSync },
    })
  ).json;
  assert.equal(record.lastTokenVersion, 2);
  assert.equal(record.lastTokenAt, row.lastTokenAt!.toISOString());
});

test("an Entra group in the token maps too, and a v1 token is recorded as v1", async () => {
  await expectStatus(200, "GET", "/api/me", {
    as: {
      bearer: reg.appToken(DEMO.apps.payments, {
        iss: `https://sts.windows.net/${DEMO.tenant}/`,
        ver: "1.0",
        aud: `api://${DEMO.apiClient}`,
        azp: undefined,
        appid: DEMO.apps.payments,
        groups: [DEMO.entraGroups.admins],
      }),
    },
  });
  const body = await explainAccount(reg.accountIds.payments);
  const admins = body.access.groups.find((g: any) => g.name === "registry-admins");
  assert.deepEqual(admins?.reasons, [{ kind: "entra-group", value: DEMO.entraGroups.admins }]);
  assert.equal(body.lastToken.version, 1);
});

test("a token pasted into the Access Explorer is not recorded as the account's last token", async () => {
  const before = await reg.db.m2mAccount.findUniqueOrThrow({ where: { id: reg.accountIds.catalogSync } });
  await expectStatus(200, "POST", "/api/iam/explain", {
    as: admin,
    body: { token: reg.appToken(DEMO.apps.catalogSync, { roles: [] }) },
  });
  const after = await reg.db.m2mAccount.findUniqueOrThrow({ where: { id: reg.accountIds.catalogSync } });
  assert.deepEqual(after.lastTokenRoles, before.lastTokenRoles);
  assert.equal(after.lastTokenAt?.getTime(), before.lastTokenAt?.getTime());
});

test("recording writes only when the claims change or the record is a minute old", async () => {
  forgetRecordedM2mTokens();
  const id = reg.accountIds.bootstrapAdmin;
  const snapshot = {
    roles: ["A"],
    groups: { ok: true as const, ids: [], source: "token" as const },
    version: 2 as const,
    overage: false,
  };
  const t = Date.now();
  assert.equal(await recordM2mToken(reg.db, id, snapshot, t), true);
  assert.equal(await recordM2mToken(reg.db, id, snapshot, t + 1_000), false, "same claims within a minute: no write");
  assert.equal((await reg.db.m2mAccount.findUniqueOrThrow({ where: { id } })).lastTokenAt?.getTime(), t);
  assert.equal(
    await recordM2mToken(reg.db, id, { ...snapshot, roles: ["B"] }, t + 2_000),
    true,
    "changed claims: written at once",
  );
  assert.equal(
    await recordM2mToken(reg.db, id, { ...snapshot, roles: ["B"] }, t + 63_000),
    true,
    "a minute later: written again",
  );
  assert.deepEqual((await reg.db.m2mAccount.findUniqueOrThrow({ where: { id } })).lastTokenRoles, ["B"]);
});

test("M2M list filters: credentials expiring within 30 days (or expired), not used in 30 days", async () => {
  const now = Date.now();
  const day = 86_400_000;
  await reg.db.m2mAccount.update({
    where: { id: reg.accountIds.payments },
    data: { entraAppExpiresAt: new Date(now - 3 * day), lastUsedAt: new Date(now - 40 * day) },
  });
  await reg.db.m2mAccount.update({
    where: { id: reg.accountIds.catalogSync },
    data: { entraAppExpiresAt: new Date(now + 12 * day), lastUsedAt: new Date(now) },
  });
  await reg.db.m2mAccount.update({
    where: { id: reg.accountIds.bootstrapAdmin },
    data: { entraAppExpiresAt: new Date(now + 90 * day), lastUsedAt: new Date(now - 1 * day) },
  });
  const names = async (filters: { expiring?: boolean; unused?: boolean }) =>
    (await findM2mAccounts(systemContext(reg.db, "test"), { limit: 50 }, filters, now)).items.map((a) => a.id);
  const expiring = await names({ expiring: true });
  assert.ok(expiring.includes(reg.accountIds.payments) && expiring.includes(reg.accountIds.catalogSync));
  assert.ok(!expiring.includes(reg.accountIds.bootstrapAdmin));
  const unused = await names({ unused: true });
  assert.ok(unused.includes(reg.accountIds.payments));
  assert.ok(!unused.includes(reg.accountIds.catalogSync) && !unused.includes(reg.accountIds.bootstrapAdmin));
  assert.deepEqual(await names({ expiring: true, unused: true }), [reg.accountIds.payments]);
});
