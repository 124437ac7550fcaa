import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { loadUserGroups } from "@/lib/auth/principal-groups";
import { jsonStringArray } from "@/lib/validation/common";
import type { TokenPrincipal } from "@/lib/auth/principal";
import { hashTokenSecret, looksLikeTokenSecret } from "./token-secret";

function invalid(reason: string): AppError {
  return new AppError("invalid_token", "The access token is invalid.", { reason });
}

/**
 * A registry API token → principal. Effective groups are token.groups ∩ the owner's current
 * groups, so removing the owner from a group (or disabling the owner) takes effect at once; its
 * permissions are narrowed the same way when access is computed (lib/access/token-permissions.ts).
 */
export async function verifyRegistryToken(
  db: Db,
  secret: string,
  now = new Date(),
): Promise<{ principal: TokenPrincipal; validUntil: number }> {
  if (!looksLikeTokenSecret(secret)) throw invalid("registry token: malformed");
  const hash = hashTokenSecret(secret);
  const token = await db.apiToken.findFirst({
    where: { OR: [{ secretHash: hash }, { previousHash: hash }] },
    include: { owner: true },
  });
  if (!token) throw invalid("registry token: unknown");
  if (token.revokedAt) throw invalid("registry token: revoked");
  if (token.expiresAt <= now) throw invalid("registry token: expired");
  const viaPreviousSecret = token.secretHash !== hash;
  if (viaPreviousSecret && (!token.graceUntil || token.graceUntil <= now)) {
    throw invalid("registry token: rotated out (grace period over)");
  }
  if (!token.owner.enabled) throw invalid("registry token: owner disabled");

  const ownerGroups = await loadUserGroups(db, token.owner);
  const granted = new Set(jsonStringArray(token.groups));
  const groups = ownerGroups
    .filter((group) => granted.has(group.name))
    .map((group) => ({ ...group, reasons: [...group.reasons, { kind: "token-subset" as const, tokenId: token.id }] }));

  const principal: TokenPrincipal = {
    kind: "token",
    id: token.id,
    tokenId: token.id,
    ownerId: token.ownerId,
    displayName: `${token.name} (token of ${token.owner.displayName})`,
    servers: token.servers === null ? null : jsonStringArray(token.servers),
    permissions: jsonStringArray(token.permissions),
    groups,
  };
  const validUntil = Math.min(token.expiresAt.getTime(), viaPreviousSecret ? token.graceUntil!.getTime() : Infinity);
  return { principal, validUntil };
}
