import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { auditedChange } from "@/lib/audit/audited-change";
import { readIamGeneration } from "@/lib/auth/iam-generation";
import { getConfig } from "@/lib/config";
import { dbReady, getDb } from "@/lib/db";
import { AppError, isAppError } from "@/lib/errors";
import { ensureBuiltIns } from "@/lib/iam/ensure-built-ins";
import { createGroup } from "@/lib/iam/groups/create-group";
import { createGroupSchema } from "@/lib/iam/groups/schemas";
import { updateGroup } from "@/lib/iam/groups/update-group";
import { systemContext } from "@/lib/system-context";
import { useTestRegistry } from "../support/registry-env";

let registry: Awaited<ReturnType<typeof useTestRegistry>>;

before(async () => {
  registry = await useTestRegistry();
  await dbReady();
  await ensureBuiltIns(getDb(), getConfig(), { principal: null, requestId: "setup", system: true });
});
after(async () => registry.close());

async function state() {
  const db = getDb();
  return { generation: await readIamGeneration(db), events: await db.auditEvent.count() };
}

test("an IAM write through the helper moves the generation once and writes exactly one audit event", async () => {
  const before = await state();
  const group = await createGroup(
    systemContext(getDb(), "one-change"),
    createGroupSchema.parse({ name: "helper-probe" }),
  );
  const after = await state();
  assert.equal(after.generation, before.generation + 1);
  assert.equal(after.events, before.events + 1);
  const event = await getDb().auditEvent.findFirstOrThrow({ where: { requestId: "one-change" } });
  assert.deepEqual([event.action, event.targetId, event.actorKind], ["group.create", group.id, "system"]);
  assert.equal((event.after as { name: string }).name, "helper-probe");
});

test("a change that fails writes neither its audit event nor a generation bump, and its writes roll back", async () => {
  const db = getDb();
  const before = await state();
  await assert.rejects(
    auditedChange(db, { principal: null, requestId: "failing", system: true }, async ({ tx, record }) => {
      await tx.group.update({ where: { name: "helper-probe" }, data: { description: "half-done" } });
      record({ action: "group.update", target: { type: "group", name: "helper-probe" } });
      throw new AppError("conflict", "something went wrong after the write");
    }),
    (error: unknown) => isAppError(error) && error.code === "conflict",
  );
  assert.deepEqual(await state(), before);
  assert.equal((await db.group.findUniqueOrThrow({ where: { name: "helper-probe" } })).description, "");
  // The same through an operation: the admin guard refuses after its writes.
  await assert.rejects(
    updateGroup(systemContext(db, "refused"), { name: "registry-admins", changes: { permissions: ["iam:read"] } }),
  );
  assert.deepEqual(await state(), before);
});

test("a change that records nothing changed nothing: no audit event, no bump", async () => {
  const before = await state();
  const value = await auditedChange(getDb(), { principal: null, requestId: "noop" }, async ({ tx }) =>
    tx.group.count(),
  );
  assert.ok(value > 0);
  assert.deepEqual(await state(), before);
});
