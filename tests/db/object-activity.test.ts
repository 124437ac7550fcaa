import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { activityCursor, toObjectActivityProps } from "@/components/audit/object-activity-props";
import { findObjectActivity } from "@/lib/audit/find-object-activity";
import { computeEffectiveAccess } from "@/lib/access/effective-access";
import { getConfig } from "@/lib/config";
import { dbReady, getDb } from "@/lib/db";
import { ensureBuiltIns } from "@/lib/iam/ensure-built-ins";
import { createGroup } from "@/lib/iam/groups/create-group";
import { createGroupSchema } from "@/lib/iam/groups/schemas";
import { updateGroup } from "@/lib/iam/groups/update-group";
import { useTestRegistry } from "../support/registry-env";
import { systemContext } from "@/lib/system-context";

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

/** The Activity tab as a page builds it: the lib/ read, then the paging links. */
async function activityOf(access: typeof auditor, params: Record<string, string>) {
  const ctx = { ...systemContext(getDb(), "test"), access };
  const page = await findObjectActivity(ctx, {
    targetType: "group",
    targetId: groupId,
    cursor: activityCursor(params),
  });
  return toObjectActivityProps(page, "group", { path: "/settings/iam/groups/activity-probe", params });
}
let groupId = "";

before(async () => {
  registry = await useTestRegistry();
  await dbReady();
  await ensureBuiltIns(getDb(), getConfig(), ctx);
});
after(async () => registry.close());

test("an object's activity: only its events, newest first, paged with the cursor in the URL; none without audit:read", async () => {
  const db = getDb();
  const group = await createGroup(
    systemContext(db, ctx.requestId),
    createGroupSchema.parse({ name: "activity-probe" }),
  );
  groupId = group.id;
  await createGroup(systemContext(db, ctx.requestId), createGroupSchema.parse({ name: "activity-other" }));
  for (let i = 1; i <= 26; i++)
    await updateGroup(systemContext(db, ctx.requestId), {
      name: "activity-probe",
      changes: { description: `revision ${i}` },
    });
  await updateGroup(systemContext(db, ctx.requestId), { name: "activity-other", changes: { description: "not mine" } });

  const path = "/settings/iam/groups/activity-probe";
  const first = (await activityOf(auditor, { tab: "x" }))!;
  assert.equal(first.events.length, 25);
  assert.ok(first.events.every((event) => event.target.id === group.id));
  assert.deepEqual((first.events[0]!.after as { description: string }).description, "revision 26");
  assert.equal(first.newestHref, null);
  assert.ok(first.olderHref?.startsWith(`${path}?tab=x&activity=`), first.olderHref ?? "no older link");

  const cursor = new URL(first.olderHref!, "http://x").searchParams.get("activity")!;
  const second = (await activityOf(auditor, { activity: cursor }))!;
  assert.deepEqual(
    second.events.map((event) => event.action),
    ["group.update", "group.create"],
  );
  assert.equal(second.olderHref, null);
  assert.equal(second.newestHref, path);

  const garbage = (await activityOf(auditor, { activity: "not-a-cursor" }))!;
  assert.equal(garbage.events.length, 25, "a malformed cursor shows the newest page");

  assert.equal(await activityOf(noAudit, {}), null);
});
