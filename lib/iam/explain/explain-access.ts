import { computeEffectiveAccess, grantFor, type EffectiveAccess, type TokenScope } from "@/lib/access/effective-access";
import { loadGroupGrants } from "@/lib/access/load-access";
import type { PrincipalGroup } from "@/lib/auth/principal";
import { serverWhere } from "@/lib/access/access-where";
import type { Db } from "@/lib/db";
import type { ExplainedServer } from "./schemas";

const LIMIT = 500;

/** The servers and tools a set of groups grants (narrowed by a token), each with its reasons (SPEC §3). */
export async function explainAccess(db: Db, groups: PrincipalGroup[], token: TokenScope | null = null) {
  const access: EffectiveAccess = computeEffectiveAccess(
    groups,
    await loadGroupGrants(
      db,
      groups.map((g) => g.id),
    ),
    token,
  );
  const servers = await db.server.findMany({
    where: serverWhere(access),
    orderBy: { slug: "asc" },
    take: LIMIT,
    select: { slug: true, name: true, enabled: true },
  });
  const manager = access.permissions.get("servers:write");
  const explained: ExplainedServer[] = servers.map((server) => {
    const grant = grantFor(access, server.slug);
    const reasons = [
      ...(grant?.reasons ?? []).map((reason) => ({ group: reason.group, rule: reason.rule, via: reason.via })),
      ...(manager
        ? manager.map((group) => ({ group, rule: null, via: [{ kind: "permission", value: "servers:write" }] }))
        : []),
    ];
    const all = manager ? "*" : undefined;
    return {
      slug: server.slug,
      name: server.name,
      enabled: server.enabled,
      methods: all ?? (grant?.methods === "*" ? "*" : [...(grant?.methods ?? [])].sort()),
      tools: all ?? (grant?.tools === "*" ? "*" : [...(grant?.tools ?? [])].sort()),
      reasons,
    };
  });
  return {
    groups,
    permissions: [...access.permissions.entries()]
      .map(([permission, from]) => ({ permission, groups: from }))
      .sort((a, b) => a.permission.localeCompare(b.permission)),
    servers: explained,
    truncated: servers.length === LIMIT,
  };
}
