import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { getM2mAccount } from "@/lib/iam/m2m-accounts/find-m2m-accounts";
import { refreshEntraApps } from "@/lib/iam/m2m-accounts/refresh-entra-app";
import type { EntraEmulator } from "../../entra-emulator/server";
import type { ApiRegistry } from "./support/api-registry";
import { expectStatus } from "./support/call";
import { startGraphRegistry } from "./support/graph-registry";
import { systemContext } from "@/lib/system-context";

let reg: ApiRegistry;
let emulator: EntraEmulator;
let token: () => Promise<string>;

// The registry app has no Graph application permission: Graph answers 403.
before(async () => {
  ({ reg, emulator, catalogSyncToken: token } = await startGraphRegistry([]));
});
after(async () => {
  await reg?.close();
  await emulator?.close();
});

test("Graph refuses the overage lookup: group-derived access fails closed, app-role access stays, and the audit log says why", async () => {
  const me = (await expectStatus(200, "GET", "/api/me", { as: { bearer: await token() } })).json;
  assert.deepEqual(
    me.groups.map((g: any) => g.name),
    ["catalog-readers"],
  );
  const audit = await reg.db.auditEvent.findMany({
    where: { action: "auth.groups-overage", targetId: reg.accountIds.catalogSync },
  });
  assert.equal(audit.length, 1);
  assert.equal(audit[0]!.outcome, "failure");
  assert.match(audit[0]!.reason ?? "", /GroupMember\.Read\.All.*only assigned groups and app-role mappings apply/);

  const admin = { session: await reg.session(reg.userIds.adele) };
  const explained = (
    await expectStatus(200, "POST", "/api/iam/explain", {
      as: admin,
      body: { m2mAccountId: reg.accountIds.catalogSync },
    })
  ).json;
  const last = explained.verdict.steps.find((s: any) => s.step === "last token");
  assert.equal(last.ok, false);
  assert.match(last.detail, /groups overage — lookup failed: .*403/);
  const pasted = (await expectStatus(200, "POST", "/api/iam/explain", { as: admin, body: { token: await token() } }))
    .json;
  const step = pasted.verdict.steps.find((s: any) => s.step === "groups claim");
  assert.equal(step.ok, false);
  assert.match(step.detail, /fails closed/);
});

test("linked-app health without Application.Read.All names the missing permission", async () => {
  const account = (await getM2mAccount(systemContext(reg.db, "test"), { id: reg.accountIds.payments }))!;
  await refreshEntraApps(reg.db, [{ ...account, entraAppFetchedAt: null }]);
  const refreshed = (await getM2mAccount(systemContext(reg.db, "test"), { id: reg.accountIds.payments }))!;
  assert.equal(refreshed.entraApp.credentials, null);
  assert.match(refreshed.entraApp.error ?? "", /Application\.Read\.All/);
});
