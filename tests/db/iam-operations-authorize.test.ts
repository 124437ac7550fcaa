import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { getConfig } from "@/lib/config";
import { dbReady, getDb } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { ensureBuiltIns } from "@/lib/iam/ensure-built-ins";
import { createGroup } from "@/lib/iam/groups/create-group";
import { deleteGroup } from "@/lib/iam/groups/delete-group";
import { findGroupMembers } from "@/lib/iam/groups/find-group-members";
import { findGroups, getGroup } from "@/lib/iam/groups/find-groups";
import { createGroupSchema } from "@/lib/iam/groups/schemas";
import { updateGroup } from "@/lib/iam/groups/update-group";
import { createUser } from "@/lib/iam/users/create-user";
import { findUsers, getUser, userListQuery } from "@/lib/iam/users/find-users";
import { signOutUser } from "@/lib/iam/users/sign-out-user";
import { updateUser } from "@/lib/iam/users/update-user";
import { createM2mAccount } from "@/lib/iam/m2m-accounts/create-m2m-account";
import { deleteM2mAccount } from "@/lib/iam/m2m-accounts/delete-m2m-account";
import { explainM2mAccount } from "@/lib/iam/m2m-accounts/explain-m2m-account";
import { findM2mAccounts } from "@/lib/iam/m2m-accounts/find-m2m-accounts";
import { getM2mAccount } from "@/lib/iam/m2m-accounts/find-m2m-accounts";
import { updateM2mAccount } from "@/lib/iam/m2m-accounts/update-m2m-account";
import { createProvisioningToken } from "@/lib/iam/provisioning-tokens/create-provisioning-token";
import { findProvisioningTokens } from "@/lib/iam/provisioning-tokens/find-provisioning-tokens";
import { revokeProvisioningToken } from "@/lib/iam/provisioning-tokens/revoke-provisioning-token";
import { systemContext } from "@/lib/system-context";
import { userContext } from "../support/operation-context";
import { useTestRegistry } from "../support/registry-env";

let registry: Awaited<ReturnType<typeof useTestRegistry>>;
const forbidden = (error: unknown) => isAppError(error) && error.code === "forbidden";
const notFound = (error: unknown) => isAppError(error) && error.code === "not_found";
const reader = { name: "iam-readers", permissions: ["iam:read"], serverAccess: [] };

before(async () => {
  registry = await useTestRegistry();
  await dbReady();
  await ensureBuiltIns(getDb(), getConfig(), { principal: null, requestId: "setup", system: true });
  await createGroup(systemContext(getDb(), "setup"), createGroupSchema.parse({ name: "probe" }));
});
after(async () => registry.close());

/** Calls the operation directly (no HTTP) and checks that nothing was written. */
async function refusedWithoutTrace(operation: () => Promise<unknown>, check: (error: unknown) => boolean) {
  const db = getDb();
  const audit = await db.auditEvent.count();
  await assert.rejects(operation(), check);
  assert.equal(await db.auditEvent.count(), audit, "a refused operation writes no audit event");
}

test("groups: reads need iam:read, writes iam:write, even when called directly", async () => {
  const db = getDb();
  const nobody = userContext(db);
  const readOnly = userContext(db, [reader]);
  await refusedWithoutTrace(() => findGroups(nobody, { limit: 10 }), forbidden);
  await refusedWithoutTrace(() => getGroup(nobody, { name: "probe" }), forbidden);
  const probe = await getGroup(readOnly, { name: "probe" });
  await refusedWithoutTrace(() => findGroupMembers(nobody, probe), forbidden);
  await refusedWithoutTrace(() => createGroup(readOnly, createGroupSchema.parse({ name: "sneaky" })), forbidden);
  await refusedWithoutTrace(() => updateGroup(readOnly, { name: "probe", changes: { description: "x" } }), forbidden);
  await refusedWithoutTrace(() => deleteGroup(readOnly, { name: "probe" }), forbidden);
  assert.equal(await db.group.count({ where: { name: "sneaky" } }), 0);
  assert.equal((await getGroup(readOnly, { name: "probe" })).description, "");
});

test("groups: a get of an absent group is not_found, the same error everywhere", async () => {
  const readOnly = userContext(getDb(), [reader]);
  await assert.rejects(getGroup(readOnly, { name: "no-such-group" }), notFound);
  const writer = userContext(getDb(), [{ name: "iam-writers", permissions: ["iam:write"], serverAccess: [] }]);
  await assert.rejects(updateGroup(writer, { name: "no-such-group", changes: { description: "x" } }), notFound);
  await assert.rejects(deleteGroup(writer, { name: "no-such-group" }), notFound);
});

test("users: reads need iam:read, writes iam:write, even when called directly; an absent user is not_found", async () => {
  const db = getDb();
  const user = await createUser(systemContext(db, "setup"), {
    tenantId: "77ac5383-74a0-4b68-ae2c-83504351a44e",
    objectId: "00000000-0000-4000-8000-000000000101",
    displayName: "Probe User",
    groups: [],
    enabled: true,
  });
  const nobody = userContext(db);
  const readOnly = userContext(db, [reader]);
  await refusedWithoutTrace(() => findUsers(nobody, userListQuery.parse({})), forbidden);
  await refusedWithoutTrace(() => getUser(nobody, { id: user.id }), forbidden);
  await refusedWithoutTrace(
    () =>
      createUser(readOnly, {
        tenantId: "77ac5383-74a0-4b68-ae2c-83504351a44e",
        objectId: "00000000-0000-4000-8000-000000000102",
        displayName: "Sneaky",
        groups: [],
        enabled: true,
      }),
    forbidden,
  );
  await refusedWithoutTrace(() => updateUser(readOnly, { id: user.id, changes: { enabled: false } }), forbidden);
  await refusedWithoutTrace(() => signOutUser(readOnly, { id: user.id }), forbidden);
  assert.equal((await getUser(readOnly, { id: user.id })).enabled, true);
  await assert.rejects(getUser(readOnly, { id: "no-such-user" }), notFound);
});

test("M2M accounts: reads need iam:read, writes iam:write, even when called directly; an absent account is not_found", async () => {
  const db = getDb();
  const account = await createM2mAccount(systemContext(db, "setup"), {
    tenantId: "77ac5383-74a0-4b68-ae2c-83504351a44e",
    clientId: "00000000-0000-4000-8000-000000000201",
    name: "Probe app",
    description: "",
    groups: [],
    enabled: true,
  });
  const nobody = userContext(db);
  const readOnly = userContext(db, [reader]);
  await refusedWithoutTrace(() => findM2mAccounts(nobody, { limit: 10 }), forbidden);
  await refusedWithoutTrace(() => getM2mAccount(nobody, { id: account.id }), forbidden);
  await refusedWithoutTrace(() => explainM2mAccount(nobody, { id: account.id }), forbidden);
  await refusedWithoutTrace(
    () =>
      createM2mAccount(readOnly, {
        tenantId: "77ac5383-74a0-4b68-ae2c-83504351a44e",
        clientId: "00000000-0000-4000-8000-000000000202",
        name: "Sneaky app",
        description: "",
        groups: [],
        enabled: true,
      }),
    forbidden,
  );
  await refusedWithoutTrace(
    () => updateM2mAccount(readOnly, { id: account.id, changes: { enabled: false } }),
    forbidden,
  );
  await refusedWithoutTrace(() => deleteM2mAccount(readOnly, { id: account.id }), forbidden);
  assert.equal((await getM2mAccount(readOnly, { id: account.id })).enabled, true);
  await assert.rejects(getM2mAccount(readOnly, { id: "no-such-account" }), notFound);
  await assert.rejects(explainM2mAccount(readOnly, { id: "no-such-account" }), notFound);
});

test("provisioning secrets: listing needs iam:read, creating and revoking iam:write, even when called directly", async () => {
  const db = getDb();
  const nobody = userContext(db);
  const readOnly = userContext(db, [reader]);
  const writer = userContext(db, [{ name: "iam-writers", permissions: ["iam:write"], serverAccess: [] }]);
  const created = await createProvisioningToken(writer, { name: "probe" });
  await refusedWithoutTrace(() => findProvisioningTokens(nobody, { limit: 10 }), forbidden);
  await refusedWithoutTrace(() => createProvisioningToken(readOnly, { name: "sneaky" }), forbidden);
  await refusedWithoutTrace(() => revokeProvisioningToken(readOnly, { id: created.id }), forbidden);
  const listed = await findProvisioningTokens(readOnly, { limit: 10 });
  assert.deepEqual(
    listed.items.map((token) => [token.name, token.revokedAt]),
    [["probe", null]],
  );
  await assert.rejects(revokeProvisioningToken(writer, { id: "no-such-token" }), notFound);
});
