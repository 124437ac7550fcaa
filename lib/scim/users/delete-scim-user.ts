import { auditedChange } from "@/lib/audit/audited-change";
import { updateUserIn } from "@/lib/iam/users/update-user";
import type { ScimContext } from "../with-scim-auth";
import { getScimUserRow } from "./get-scim-user";

/**
 * DELETE /Users/{id}: deprovisioning never deletes the registry user (its audit trail and
 * tokens stay attributable). It is disabled (sessions end; API tokens answer 401 on the next
 * request), leaves every directory group, and frees its userName for a future provisioning.
 */
export async function deleteScimUser(ctx: ScimContext, id: string) {
  await auditedChange(ctx.db, ctx.audit, async (scope) => {
    const row = await getScimUserRow(scope.tx, ctx, id);
    await scope.tx.directoryGroupMember.deleteMany({ where: { userId: row.id } });
    await updateUserIn(scope, row.id, row.enabled ? { enabled: false } : {}, {
      userName: null,
      deprovisionedAt: new Date(),
    });
  });
}
