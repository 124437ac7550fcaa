import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { objectActivityProps } from "@/components/audit/object-activity-props";
import { param, type SearchParamsRecord } from "@/components/ui/url-state";
import { computeEffectiveAccess, type EffectiveAccess } from "@/lib/access/effective-access";
import { findObjectActivity } from "@/lib/audit/find-object-activity";
import { getConfig } from "@/lib/config";
import { dbReady, getDb } from "@/lib/db";
import { ensureBuiltIns } from "@/lib/iam/ensure-built-ins";
import { createGroup } from "@/lib/iam/groups/create-group";
import { createGroupSchema } from "@/lib/iam/groups/schemas";
import { updateGroup } from "@/lib/iam/groups/update-group";
import { useTestRegistry } from "../support/registry-env";

let registry: Awaited<ReturnType<typeof useTestRegistry>>;
const ctx = { principal: null, requestId: "test", system: true };
const auditor = computeEffectiveAccess(
  [{ id: "a", name: "auditors", reasons: [{ kind: "assignment" }] }],
  [{ id: "a", name: "auditors", permissions: ["audit:read"], serverAccess: [] }],
);
const noAudit = computeEffectiveAccess(
  [{ id: "a", name: "readers", reasons: [{ kind: "assignment" }] }],
  [{ id: "a", name: "readers", permissions: ["iam:read"], serverAccess: [] }],
);

/** What an object page does: the lib/ query for the cursor in the URL, then the tab's paging links. */
async function loadActivity(
  access: EffectiveAccess,
  target: { type: string; id: string; noun: string },
  page: { path: string; params: SearchParamsRecord },
) {
  const found = await findObjectActivity(getDb(), access, target, param(page.params, "activity"));
  return objectActivityProps(found, target, page);
}

before(async () => {
  registry = await useTestRegistry();
  await dbReady();
  await ensureBuiltIns(getDb(), getConfig(), ctx);
});
after(async () => registry.close());

test("an object's activity: only its events, newest first, paged with the cursor in the URL; none without audit:read", async () => {
  const db = getDb();
  const group = await createGroup(db, ctx, createGroupSchema.parse({ name: "activity-probe" }));
  await createGroup(db, ctx, createGroupSchema.parse({ name: "activity-other" }));
  for (let i = 1; i <= 26; i++) await updateGroup(db, ctx, "activity-probe", { description: `revision ${i}` });
  await updateGroup(db, ctx, "activity-other", { description: "not mine" });

  const path = "/settings/iam/groups/activity-probe";
  const first = (await loadActivity(
    auditor,
    { type: "group", id: group.id, noun: "group" },
    { path, params: { tab: "x" } },
  ))!;
  assert.equal(first.events.length, 25);
  assert.ok(first.events.every((event) => event.target.id === group.id));
  assert.deepEqual((first.events[0]!.after as { description: string }).description, "revision 26");
  assert.equal(first.newestHref, null);
  assert.ok(first.olderHref?.startsWith(`${path}?tab=x&activity=`), first.olderHref ?? "no older link");

  const cursor = new URL(first.olderHref!, "http://x").searchParams.get("activity")!;
  const second = (await loadActivity(
    auditor,
    { type: "group", id: group.id, noun: "group" },
    { path, params: { activity: cursor } },
  ))!;
  assert.deepEqual(
    second.events.map((event) => event.action),
    ["group.update", "group.create"],
  );
  assert.equal(second.olderHref, null);
  assert.equal(second.newestHref, path);

  const garbage = (await loadActivity(
    auditor,
    { type: "group", id: group.id, noun: "group" },
    { path, params: { activity: "not-a-cursor" } },
  ))!;
  assert.equal(garbage.events.length, 25, "a malformed cursor shows the newest page");

  assert.equal(await loadActivity(noAudit, { type: "group", id: group.id, noun: "group" }, { path, params: {} }), null);
});
