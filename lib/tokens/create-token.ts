import { requirePermission } from "@/lib/access/authorize";
import { auditedChange } from "@/lib/audit/audited-change";
import { getConfig } from "@/lib/config";
import type { PrincipalContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import type { CreateTokenInput } from "./schemas";
import { toTokenRecord } from "./token-record";
import { generateTokenSecret, hashTokenSecret, tokenStub } from "./token-secret";
import { checkTokenPermissions, checkTokenServers } from "./check-token-scope";
import { requireTokenOwner } from "./require-token-owner";

/**
 * Creates a registry API token for the calling user; the secret is returned this once. The token
 * carries a subset of the caller's groups, optionally a server restriction, and only the
 * permissions chosen here (default none: catalog reads only; see lib/access/token-permissions.ts).
 */
export async function createToken(ctx: PrincipalContext, input: CreateTokenInput) {
  const owner = requireTokenOwner(ctx.principal);
  requirePermission(ctx, "tokens:create");
  const maxHours = getConfig().tokenMaxTtlHours;
  if (input.expiresInHours > maxHours) {
    // The limit is the operator's setting; the caller cannot change it, so the message names the number, not the variable.
    throw new AppError("validation_failed", `expiresInHours must be at most ${maxHours}.`, {
      fields: [{ path: "expiresInHours", message: `Expiry must be at most ${maxHours} hours on this registry` }],
    });
  }
  const ownGroups = ctx.principal.groups.map((group) => group.name);
  const groups = input.groups ? [...new Set(input.groups)] : ownGroups;
  const foreign = groups.filter((name) => !ownGroups.includes(name));
  if (foreign.length > 0) {
    throw new AppError("validation_failed", "A token can only carry groups you belong to.", {
      fields: [{ path: "groups", message: `not your groups: ${foreign.join(", ")}` }],
    });
  }
  const servers = input.servers ? await checkTokenServers(ctx.db, ctx.access, input.servers) : null;
  const permissions = checkTokenPermissions(ctx.access, groups, input.permissions ?? [], servers !== null);

  const secret = generateTokenSecret();
  const row = await auditedChange(ctx.db, ctx, async ({ tx, record }) => {
    const created = await tx.apiToken.create({
      data: {
        ownerId: owner,
        name: input.name,
        secretHash: hashTokenSecret(secret),
        stub: tokenStub(secret),
        groups,
        servers: servers ?? undefined,
        permissions,
        expiresAt: new Date(Date.now() + input.expiresInHours * 3600_000),
      },
    });
    record({
      action: "token.create",
      target: { type: "api-token", id: created.id, name: created.name },
      after: toTokenRecord(created),
    });
    return created;
  });
  return { ...toTokenRecord(row), token: secret };
}
