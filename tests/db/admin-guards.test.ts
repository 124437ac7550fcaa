import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { BUILT_IN_ADMIN_GROUP } from "@/lib/access/permissions";
import { getConfig } from "@/lib/config";
import { dbReady, getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { deleteGroup } from "@/lib/iam/groups/delete-group";
import { updateGroup } from "@/lib/iam/groups/update-group";
import { ensureBuiltIns } from "@/lib/iam/ensure-built-ins";
import { recordSignIn } from "@/lib/iam/users/record-sign-in";
import { useTestRegistry } from "../support/registry-env";
import { systemContext } from "@/lib/system-context";

const ctx = { principal: null, requestId: "test", system: true };
const ADMINS_ENTRA_GROUP = "87ba6630-278d-4962-9060-fa431b8c0362";
let registry: Awaited<ReturnType<typeof useTestRegistry>>;

before(async () => {
  registry = await useTestRegistry();
  await dbReady();
  await ensureBuiltIns(getDb(), getConfig(), ctx);
  await updateGroup(systemContext(getDb(), ctx.requestId), {
    name: BUILT_IN_ADMIN_GROUP,
    changes: {
      entraMappings: { groups: [ADMINS_ENTRA_GROUP], appRoles: [] },
    },
  });
  // The only admin holds registry-admins through the Entra group mapping, not an assignment.
  await recordSignIn(
    getDb(),
    {
      tenantId: "77ac5383-74a0-4b68-ae2c-83504351a44e",
      objectId: "b935ec92-0bd6-42ce-80fe-df9197107839",
      displayName: "Adele Vance",
      email: null,
      groups: [ADMINS_ENTRA_GROUP],
      roles: [],
    },
    "test",
  );
});
after(async () => registry.close());

test("removing the Entra mapping that makes the last admin an admin is refused, and changes nothing", async () => {
  await assert.rejects(
    updateGroup(systemContext(getDb(), ctx.requestId), {
      name: BUILT_IN_ADMIN_GROUP,
      changes: { entraMappings: { groups: [], appRoles: [] } },
    }),
    (error: unknown) =>
      error instanceof AppError && error.code === "conflict" && /without an admin/.test(error.message),
  );
  const mappings = await getDb().groupEntraMapping.findMany({ where: { group: { name: BUILT_IN_ADMIN_GROUP } } });
  assert.deepEqual(
    mappings.map((m) => m.value),
    [ADMINS_ENTRA_GROUP],
  );
});

test("the built-in admin group cannot be deleted (409) and cannot lose permissions (422)", async () => {
  await assert.rejects(
    deleteGroup(systemContext(getDb(), ctx.requestId), { name: BUILT_IN_ADMIN_GROUP }),
    (error: unknown) => error instanceof AppError && error.code === "conflict",
  );
  await assert.rejects(
    updateGroup(systemContext(getDb(), ctx.requestId), {
      name: BUILT_IN_ADMIN_GROUP,
      changes: { permissions: ["iam:read"] },
    }),
    (error: unknown) => error instanceof AppError && error.code === "validation_failed",
  );
});
