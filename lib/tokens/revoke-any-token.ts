import { requirePermission } from "@/lib/access/authorize";
import { auditedChange } from "@/lib/audit/audited-change";
import type { OperationContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { toTokenRecord } from "./token-record";

/**
 * An admin (iam:write) revokes anyone's token — a leaked secret, a person who left. Audited
 * with the owner named, so the owner's own history shows who revoked it.
 */
export async function revokeAnyToken(ctx: OperationContext, { id: tokenId }: { id: string }): Promise<void> {
  requirePermission(ctx, "iam:write");
  await auditedChange(ctx.db, ctx, async ({ tx, record }) => {
    const token = await tx.apiToken.findUnique({
      where: { id: tokenId },
      include: { owner: { select: { id: true, displayName: true } } },
    });
    if (!token) throw new AppError("not_found", "No such token.");
    if (token.revokedAt) return;
    const revoked = await tx.apiToken.update({
      where: { id: token.id },
      data: { revokedAt: new Date(), graceUntil: null },
    });
    record({
      action: "token.revoke",
      target: { type: "api-token", id: token.id, name: token.name },
      before: { ...toTokenRecord(token), owner: token.owner.displayName },
      after: { ...toTokenRecord(revoked), owner: token.owner.displayName },
      reason: `revoked by an admin for its owner ${token.owner.displayName} (${token.owner.id})`,
    });
  });
}
