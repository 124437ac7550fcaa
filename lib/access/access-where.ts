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

/** Tools visible across every server (GET /api/tools). */
export function toolWhere(access: EffectiveAccess) {
  const visibleServer = serverWhere(access);
  if (access.managesCatalog) return { server: visibleServer };
  const alternatives: object[] = [];
  const wildcard = access.anyServer;
  if (wildcard) {
    alternatives.push(wildcard.tools === "*" ? {} : { name: { in: [...wildcard.tools] } });
  }
  const allToolServers: string[] = [];
  for (const [slug, grant] of access.servers) {
    if (grant.tools === "*") allToolServers.push(slug);
    else if (grant.tools.size > 0) alternatives.push({ server: { slug }, name: { in: [...grant.tools] } });
  }
  if (allToolServers.length > 0) alternatives.push({ server: { slug: { in: allToolServers } } });
  if (alternatives.length === 0) return NOTHING;
  return { AND: [{ server: visibleServer }, { OR: alternatives }] };
}
