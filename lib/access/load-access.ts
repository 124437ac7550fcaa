import type { Principal } from "@/lib/auth/principal";
import type { Db } from "@/lib/db";
import { jsonStringArray } from "@/lib/validation/common";
import { computeEffectiveAccess, type EffectiveAccess, type GroupGrants, type TokenScope } from "./effective-access";

/** Loads the rules and permissions of the given groups. */
export async function loadGroupGrants(db: Db, groupIds: string[]): Promise<GroupGrants[]> {
  if (groupIds.length === 0) return [];
  const groups = await db.group.findMany({
    where: { id: { in: groupIds } },
    select: { id: true, name: true, permissions: true, serverRules: { orderBy: { position: "asc" } } },
  });
  return groups.map((group) => ({
    id: group.id,
    name: group.name,
    permissions: jsonStringArray(group.permissions),
    serverAccess: group.serverRules.map((rule) => ({
      server: rule.server,
      methods: jsonStringArray(rule.methods),
      tools: jsonStringArray(rule.tools),
    })),
  }));
}

/** The principal's effective access, computed from the database on every request. */
export async function loadAccess(db: Db, principal: Principal): Promise<EffectiveAccess> {
  const grants = await loadGroupGrants(
    db,
    principal.groups.map((group) => group.id),
  );
  return computeEffectiveAccess(principal.groups, grants, tokenScope(principal));
}

/** A token's narrowing of its groups' access; null for people and M2M accounts. */
export function tokenScope(principal: Principal): TokenScope | null {
  return principal.kind === "token" ? { servers: principal.servers, permissions: principal.permissions } : null;
}
