import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { PrincipalContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { requireTokenOwner } from "./require-token-owner";
import { toTokenRecord } from "./token-record";

/** Revokes one of the caller's tokens; effective on the next request on every instance. */
export async function revokeToken(ctx: PrincipalContext, tokenId: string): Promise<void> {
  const ownerId = requireTokenOwner(ctx.principal);
  await ctx.db.$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({ where: { id: tokenId, ownerId } });
    if (!token) throw new AppError("not_found", "No such token.");
    if (token.revokedAt) return;
    const revoked = await tx.apiToken.update({
      where: { id: token.id },
      data: { revokedAt: new Date(), graceUntil: null },
    });
    await recordAuditEvent(tx, ctx, {
      action: "token.revoke",
      target: { type: "api-token", id: token.id, name: token.name },
      before: toTokenRecord(token),
      after: toTokenRecord(revoked),
    });
  });
}
