import type { EffectiveAccess } from "./effective-access";

/**
 * Prisma filters built from the principal's access, so an invisible server or tool is simply
 * not found. Each returns a concrete filter; "nothing" is an impossible condition, never
 * `undefined` (Prisma reads undefined as "no filter").
 */
const NOTHING = { id: { in: [] as string[] } };

export function serverWhere(access: EffectiveAccess) {
  const restriction = access.restriction ? { slug: { in: [...access.restriction] } } : {};
  if (access.managesCatalog) return restriction;
  if (access.anyServer) return { AND: [restriction, { enabled: true }] };
  const slugs = [...access.servers.keys()].filter((slug) => !access.restriction || access.restriction.has(slug));
  if (slugs.length === 0) return NOTHING;
  return { slug: { in: slugs }, enabled: true };
}

/** Tools visible on one server whose grant is already known to exist. */
export function toolWhereForServer(access: EffectiveAccess, tools: "*" | Set<string>) {
  if (access.managesCatalog || tools === "*") return {};
  return { name: { in: [...tools] } };
}

/**
 * Tools visible across servers (GET /api/tools, tool counts). `visibleIds` maps the slugs named
 * by the principal's rules to the ids of those servers that are visible (see
 * `findVisibleServerIds`): per-server grants then filter on `serverId` directly, with no join.
 */
export function toolWhere(access: EffectiveAccess, visibleIds: ReadonlyMap<string, string>) {
  if (access.managesCatalog) return access.restriction ? { serverId: { in: [...visibleIds.values()] } } : {};
  const alternatives: object[] = [];
  const wildcard = access.anyServer;
  if (wildcard) {
    alternatives.push({
      server: serverWhere(access),
      ...(wildcard.tools === "*" ? {} : { name: { in: [...wildcard.tools] } }),
    });
  }
  const allToolServers: string[] = [];
  for (const [slug, grant] of access.servers) {
    const id = visibleIds.get(slug);
    if (!id) continue;
    if (grant.tools === "*") allToolServers.push(id);
    else if (grant.tools.size > 0) alternatives.push({ serverId: id, name: { in: [...grant.tools] } });
  }
  if (allToolServers.length > 0) alternatives.push({ serverId: { in: allToolServers } });
  if (alternatives.length === 0) return NOTHING;
  return { OR: alternatives };
}
