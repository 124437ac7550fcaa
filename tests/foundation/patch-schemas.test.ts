import assert from "node:assert/strict";
import { test } from "node:test";
import { updateGroupSchema } from "@/lib/iam/groups/schemas";
import { updateM2mAccountSchema } from "@/lib/iam/m2m-accounts/schemas";
import { updateUserSchema } from "@/lib/iam/users/schemas";
import { updateServerSchema } from "@/lib/servers/schemas";

test("a PATCH body names only what it changes: no defaults leak into update schemas", () => {
  assert.deepEqual(updateM2mAccountSchema.parse({ enabled: false }), { enabled: false });
  assert.deepEqual(updateGroupSchema.parse({ version: 3 }), { version: 3 });
  assert.deepEqual(updateServerSchema.parse({ enabled: false }), { enabled: false });
  assert.deepEqual(updateUserSchema.parse({ enabled: true }), { enabled: true });
});
