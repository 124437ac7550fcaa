import { requirePermission } from "@/lib/access/authorize";
import { auditedChange } from "@/lib/audit/audited-change";
import type { PrincipalContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { requireTokenOwner } from "./require-token-owner";
import { toTokenRecord } from "./token-record";

/** Revokes one of the caller's tokens; effective on the next request on every instance. */
export async function revokeToken(ctx: PrincipalContext, { id: tokenId }: { id: string }): Promise<void> {
  const ownerId = requireTokenOwner(ctx.principal);
  requirePermission(ctx, "tokens:create");
  await auditedChange(ctx.db, ctx, async ({ tx, record }) => {
    const token = await tx.apiToken.findFirst({ where: { id: tokenId, ownerId } });
    if (!token) throw new AppError("not_found", "No such token.");
    if (token.revokedAt) return;
    const revoked = await tx.apiToken.update({
      where: { id: token.id },
      data: { revokedAt: new Date(), graceUntil: null },
    });
    record({
      action: "token.revoke",
      target: { type: "api-token", id: token.id, name: token.name },
      before: toTokenRecord(token),
      after: toTokenRecord(revoked),
    });
  });
}
