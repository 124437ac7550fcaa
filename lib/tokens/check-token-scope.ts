import { serverWhere } from "@/lib/access/access-where";
import type { EffectiveAccess } from "@/lib/access/effective-access";
import { PERMISSIONS, type Permission } from "@/lib/access/permissions";
import { SERVER_SCOPED_PERMISSIONS } from "@/lib/access/token-permissions";
import type { Db } from "@/lib/db";
import { AppError, type FieldIssue } from "@/lib/errors";

/**
 * A server restriction may name only servers the owner can see. An invisible server gets the very
 * same 422 as one that does not exist (same message, same field), so the answer never reveals
 * that a server the caller cannot see exists (SPEC §3).
 */
export async function checkTokenServers(db: Db, ownerAccess: EffectiveAccess, requested: string[]): Promise<string[]> {
  const servers = [...new Set(requested)];
  const visible = await db.server.findMany({
    where: { AND: [{ slug: { in: servers } }, serverWhere(ownerAccess)] },
    select: { slug: true },
  });
  const unknown = servers.filter((slug) => !visible.some((server) => server.slug === slug));
  if (unknown.length > 0) {
    throw new AppError("validation_failed", "Unknown servers in the restriction.", {
      fields: [{ path: "servers", message: `no such server: ${unknown.join(", ")}` }],
    });
  }
  return servers;
}

/**
 * The permissions a new token may carry (lib/access/token-permissions.ts): each must be held by
 * the owner through one of the groups the token carries (else the token would hold a permission
 * that never works), `tokens:create` never, and with a server restriction only permissions scoped
 * to servers. Every refusal is a 422 on `permissions`, never a silent drop.
 */
export function checkTokenPermissions(
  ownerAccess: EffectiveAccess,
  tokenGroups: string[],
  requested: Permission[],
  restricted: boolean,
): Permission[] {
  const chosen = PERMISSIONS.filter((permission) => requested.includes(permission));
  const issues: FieldIssue[] = [];
  const refuse = (list: Permission[], why: string) => {
    if (list.length > 0) issues.push({ path: "permissions", message: `${list.join(", ")}: ${why}` });
  };
  const grantable = chosen.filter((permission) => permission !== "tokens:create");
  refuse(
    chosen.filter((permission) => permission === "tokens:create"),
    "a token cannot create tokens; only people do",
  );
  const notHeld = grantable.filter((permission) => !ownerAccess.permissions.has(permission));
  refuse(notHeld, "you do not hold this permission");
  refuse(
    grantable.filter(
      (permission) =>
        !notHeld.includes(permission) &&
        !ownerAccess.permissions.get(permission)!.some((group) => tokenGroups.includes(group)),
    ),
    `none of the token's groups grants it (${tokenGroups.join(", ") || "no groups"})`,
  );
  if (restricted) {
    refuse(
      grantable.filter((permission) => !SERVER_SCOPED_PERMISSIONS.includes(permission)),
      "cannot be combined with a server restriction: IAM objects and the audit log are not scoped to servers",
    );
  }
  if (issues.length > 0)
    throw new AppError("validation_failed", "The token cannot carry these permissions.", { fields: issues });
  return chosen;
}
