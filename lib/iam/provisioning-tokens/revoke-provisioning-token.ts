import { requirePermission } from "@/lib/access/authorize";
import { auditedChange } from "@/lib/audit/audited-change";
import type { OperationContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { toProvisioningTokenRecord } from "./provisioning-token-record";

/** Revokes a provisioning secret: /scim/v2 answers 401 to it from the next request on. */
export async function revokeProvisioningToken(ctx: OperationContext, { id }: { id: string }): Promise<void> {
  requirePermission(ctx, "iam:write");
  await auditedChange(ctx.db, ctx, async ({ tx, record }) => {
    const token = await tx.provisioningToken.findUnique({ where: { id } });
    if (!token) throw new AppError("not_found", "No such provisioning token.");
    if (token.revokedAt) return;
    const revoked = await tx.provisioningToken.update({ where: { id }, data: { revokedAt: new Date() } });
    record({
      action: "provisioning-token.revoke",
      target: { type: "provisioning-token", id, name: token.name },
      before: toProvisioningTokenRecord(token),
      after: toProvisioningTokenRecord(revoked),
    });
  });
}
