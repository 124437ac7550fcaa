import type { Principal } from "@/lib/auth/principal";
import type { Db } from "@/lib/db";
import { computeEffectiveAccess, type EffectiveAccess, type GroupGrants } from "./effective-access";

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

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
    permissions: strings(group.permissions),
    serverAccess: group.serverRules.map((rule) => ({ server: rule.server, methods: strings(rule.methods), tools: strings(rule.tools) })),
  }));
}

/** The principal's effective access, computed from the database on every request. */
export async function loadAccess(db: Db, principal: Principal): Promise<EffectiveAccess> {
  const grants = await loadGroupGrants(db, principal.groups.map((group) => group.id));
  return computeEffectiveAccess(principal.groups, grants, principal.kind === "token" ? principal.servers : null);
}
