import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { BUILT_IN_ADMIN_GROUP, PERMISSIONS } from "@/lib/access/permissions";
import { getConfig } from "@/lib/config";
import { dbReady, getDb } from "@/lib/db";
import { ensureBuiltIns } from "@/lib/iam/ensure-built-ins";
import { readIamGeneration } from "@/lib/auth/iam-generation";
import { isEmpty, seedDemo } from "@/prisma/seed/seed-demo";
import { useTestRegistry } from "../support/registry-env";

const ctx = { principal: null, requestId: "test", system: true };
let registry: Awaited<ReturnType<typeof useTestRegistry>>;

before(async () => {
  registry = await useTestRegistry({
    REGISTRY_BOOTSTRAP_M2M_ADMINS: "77ac5383-74a0-4b68-ae2c-83504351a44e/0c8e1f0a-1111-4222-8333-944455556666",
  });
  await dbReady();
});
after(async () => registry.close());

test("built-ins: registry-admins with every permission, bootstrap M2M admin enabled in it", async () => {
  const db = getDb();
  await ensureBuiltIns(db, getConfig(), ctx);
  await ensureBuiltIns(db, getConfig(), ctx); // idempotent
  const admins = await db.group.findUniqueOrThrow({
    where: { name: BUILT_IN_ADMIN_GROUP },
    include: { m2mAccounts: { include: { m2mAccount: true } } },
  });
  assert.equal(admins.builtIn, true);
  assert.deepEqual([...(admins.permissions as string[])].sort(), [...PERMISSIONS].sort());
  assert.equal(admins.m2mAccounts.length, 1);
  assert.equal(admins.m2mAccounts[0]!.m2mAccount.clientId, "0c8e1f0a-1111-4222-8333-944455556666");
  assert.equal(await db.auditEvent.count({ where: { action: "m2m-account.bootstrap" } }), 1);
  assert.equal(await db.auditEvent.count({ where: { action: "m2m-account.create", actorKind: "system" } }), 1);
});

test("built-ins: a bootstrap M2M admin an admin disabled stays disabled; an unchanged start writes nothing", async () => {
  const db = getDb();
  const where = { clientId: "0c8e1f0a-1111-4222-8333-944455556666" };
  await db.m2mAccount.updateMany({ where, data: { enabled: false } });
  const events = await db.auditEvent.count();
  const generation = await readIamGeneration(db);
  await ensureBuiltIns(db, getConfig(), ctx);
  assert.equal((await db.m2mAccount.findFirstOrThrow({ where })).enabled, false);
  assert.equal(await db.auditEvent.count(), events);
  assert.equal(await readIamGeneration(db), generation);

  // Removed from registry-admins: put back, audited, and the generation moves.
  const account = await db.m2mAccount.findFirstOrThrow({ where });
  await db.m2mAccountGroup.deleteMany({ where: { m2mAccountId: account.id } });
  await ensureBuiltIns(db, getConfig(), ctx);
  assert.equal(await db.auditEvent.count({ where: { action: "m2m-account.bootstrap" } }), 2);
  assert.ok((await readIamGeneration(db)) > generation);
  await db.m2mAccount.updateMany({ where, data: { enabled: true } });
});

test("demo seed: catalog, groups, users and M2M accounts through lib operations, each audited", async () => {
  const db = getDb();
  assert.equal(await isEmpty(db), true);
  await seedDemo(db, ctx);
  assert.equal(await isEmpty(db), false);
  assert.ok((await db.server.count()) >= 8);
  assert.ok((await db.tool.count()) >= 20);
  const groups = (await db.group.findMany({ select: { name: true } })).map((g) => g.name).sort();
  assert.deepEqual(groups, ["catalog-readers", "registry-admins", "team-payments"]);
  assert.equal(await db.m2mAccount.count(), 3); // two demo accounts + the bootstrap one
  assert.equal(await db.user.count(), 3);
  assert.equal((await db.user.findFirstOrThrow({ where: { displayName: "Megan Bowen" } })).enabled, false);
  const creates = await db.auditEvent.count({
    where: { action: { in: ["server.create", "group.create", "user.create", "m2m-account.create"] } },
  });
  assert.equal(
    creates,
    (await db.server.count()) + 2 + 3 + 2 + 1 /* registry-admins */ + 1 /* the bootstrap M2M admin */,
  );
});
