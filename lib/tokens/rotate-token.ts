import { requirePermission } from "@/lib/access/authorize";
import { auditedChange } from "@/lib/audit/audited-change";
import type { PrincipalContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { requireTokenOwner } from "./require-token-owner";
import type { RotateTokenInput } from "./schemas";
import { toTokenRecord } from "./token-record";
import { generateTokenSecret, hashTokenSecret, tokenStub } from "./token-secret";

/** New secret for the same record; the old one keeps working for `graceHours`, then stops. */
export async function rotateToken(ctx: PrincipalContext, { id: tokenId, ...input }: RotateTokenInput & { id: string }) {
  const ownerId = requireTokenOwner(ctx.principal);
  requirePermission(ctx, "tokens:create");
  const secret = generateTokenSecret();
  const row = await auditedChange(ctx.db, ctx, async ({ tx, record }) => {
    const token = await tx.apiToken.findFirst({ where: { id: tokenId, ownerId } });
    if (!token) throw new AppError("not_found", "No such token.");
    if (token.revokedAt) throw new AppError("conflict", "A revoked token cannot be rotated; create a new one.");
    if (token.expiresAt.getTime() <= Date.now())
      throw new AppError("conflict", "An expired token cannot be rotated; create a new one.");
    const rotated = await tx.apiToken.update({
      where: { id: token.id },
      data: {
        secretHash: hashTokenSecret(secret),
        stub: tokenStub(secret),
        previousHash: input.graceHours > 0 ? token.secretHash : null,
        graceUntil: input.graceHours > 0 ? new Date(Date.now() + input.graceHours * 3600_000) : null,
      },
    });
    record({
      action: "token.rotate",
      target: { type: "api-token", id: token.id, name: token.name },
      before: toTokenRecord(token),
      after: toTokenRecord(rotated),
    });
    return rotated;
  });
  return { ...toTokenRecord(row), token: secret };
}
