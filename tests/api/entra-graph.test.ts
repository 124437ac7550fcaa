import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { clearEntraGroupIdsCache } from "@/lib/auth/groups-overage/resolve-entra-group-ids";
import { getM2mAccount } from "@/lib/iam/m2m-accounts/find-m2m-accounts";
import { refreshEntraApps } from "@/lib/iam/m2m-accounts/refresh-entra-app";
import type { EntraEmulator } from "../../entra-emulator/server";
import type { ApiRegistry } from "./support/api-registry";
import { expectStatus } from "./support/call";
import { PAYMENTS_ENTRA_GROUP, startGraphRegistry } from "./support/graph-registry";
import { systemContext } from "@/lib/system-context";

let reg: ApiRegistry;
let emulator: EntraEmulator;
let token: () => Promise<string>;

before(async () => {
  ({
    reg,
    emulator,
    catalogSyncToken: token,
  } = await startGraphRegistry(["Application.Read.All", "GroupMember.Read.All"]));
});
after(async () => {
  await reg?.close();
  await emulator?.close();
});

const groupsOf = (body: any) => Object.fromEntries(body.groups.map((g: any) => [g.name, g.reasons]));

test("an overage token's groups are read from Graph: team-payments through the Entra group, catalog-readers through the app role", async () => {
  clearEntraGroupIdsCache();
  const me = (await expectStatus(200, "GET", "/api/me", { as: { bearer: await token() } })).json;
  assert.deepEqual(groupsOf(me), {
    "catalog-readers": [{ kind: "app-role", value: "Registry.Read" }],
    "team-payments": [{ kind: "entra-group", value: PAYMENTS_ENTRA_GROUP }],
  });
  const audit = await reg.db.auditEvent.findMany({
    where: { action: "auth.groups-overage", targetId: reg.accountIds.catalogSync },
  });
  assert.equal(audit.length, 1);
  assert.equal(audit[0]!.outcome, "success");
  assert.match(audit[0]!.reason ?? "", /1 Entra group id\(s\) read from Microsoft Graph/);

  const row = await reg.db.m2mAccount.findUniqueOrThrow({ where: { id: reg.accountIds.catalogSync } });
  assert.equal(row.lastTokenOverage, true);
  assert.equal(row.lastTokenGroupsSource, "graph");
  assert.deepEqual(row.lastTokenGroups, [PAYMENTS_ENTRA_GROUP]);

  const admin = { session: await reg.session(reg.userIds.adele) };
  const explained = (
    await expectStatus(200, "POST", "/api/iam/explain", {
      as: admin,
      body: { m2mAccountId: reg.accountIds.catalogSync },
    })
  ).json;
  assert.deepEqual(
    explained.access.groups.map((g: any) => g.name),
    ["catalog-readers", "team-payments"],
  );
  assert.match(
    explained.verdict.steps.find((s: any) => s.step === "last token").detail,
    /groups overage — ids read from Microsoft Graph/,
  );
  const pasted = (await expectStatus(200, "POST", "/api/iam/explain", { as: admin, body: { token: await token() } }))
    .json;
  const step = pasted.verdict.steps.find((s: any) => s.step === "groups claim");
  assert.equal(step.ok, true);
  assert.match(step.detail, /1 Entra group id\(s\) read from Microsoft Graph/);
});

test("Graph answers are cached per principal and concurrent lookups share one call", async () => {
  clearEntraGroupIdsCache();
  const { resolveEntraGroupIds } = await import("@/lib/auth/groups-overage/resolve-entra-group-ids");
  const claim = {
    tenantId: (await getM2mAccount(systemContext(reg.db, "test"), { id: reg.accountIds.catalogSync }))!.tenantId,
    objectId: "00000000-0000-4000-8000-000000000000",
    principalType: "app" as const,
    groups: [],
    groupsOverage: true,
  };
  const [a, b] = [resolveEntraGroupIds(reg.db, claim), resolveEntraGroupIds(reg.db, claim)];
  assert.equal(a, b, "one promise for concurrent lookups");
  const result = await a;
  assert.equal(result.ok, false, "an unknown service principal fails closed (Graph 404)");
  assert.equal(resolveEntraGroupIds(reg.db, claim), a, "the answer is reused within five minutes");
  assert.notEqual(resolveEntraGroupIds(reg.db, claim, Date.now() + 5 * 60_000 + 1), a, "and asked again after");
});

test("linked-app health: display name and credential expiry from Graph, cached on the account", async () => {
  const account = (await getM2mAccount(systemContext(reg.db, "test"), { id: reg.accountIds.payments }))!;
  assert.equal(await refreshEntraApps(reg.db, [{ ...account, entraAppFetchedAt: null }]), 1);
  const refreshed = (await getM2mAccount(systemContext(reg.db, "test"), { id: reg.accountIds.payments }))!;
  assert.equal(refreshed.entraApp.displayName, "payments-ci-pipeline");
  assert.equal(refreshed.entraApp.error, null);
  assert.deepEqual(
    refreshed.entraApp.credentials?.map((c) => c.kind),
    ["secret", "certificate"],
  );
  assert.ok(Date.parse(refreshed.entraApp.credentials![0]!.endDateTime) < Date.now(), "the demo secret has expired");
  const fetchedAt = new Date(refreshed.entraApp.fetchedAt!);
  assert.equal(
    await refreshEntraApps(reg.db, [{ ...refreshed, entraAppFetchedAt: fetchedAt }]),
    0,
    "fresh for 15 minutes",
  );
  const row = await reg.db.m2mAccount.findUniqueOrThrow({ where: { id: reg.accountIds.payments } });
  assert.equal(row.entraAppExpiresAt?.toISOString(), refreshed.entraApp.credentials![0]!.endDateTime);
});
