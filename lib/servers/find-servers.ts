import { serverWhere, toolWhere } from "@/lib/access/access-where";
import { canSeeServer, type EffectiveAccess } from "@/lib/access/effective-access";
import type { OperationContext } from "@/lib/context";
import { containsInsensitive, type Db, type Tx } from "@/lib/db";
import { decodeCursor, toPage, type Page } from "@/lib/validation/common";
import type { ServerListQuery, ServerRecord } from "./schemas";
import { toServerRecord } from "./server-record";

/** Visible servers, filtered in the query (SPEC §3), keyset-paged by slug. */
export async function findServers(ctx: OperationContext, query: ServerListQuery): Promise<Page<ServerRecord>> {
  const { db, access } = ctx;
  const after = decodeCursor(query.cursor, ["text"])?.[0];
  const rows = await db.server.findMany({
    where: {
      AND: [
        serverWhere(access),
        typeof after === "string" ? { slug: { gt: after } } : {},
        query.tag ? { tags: { some: { tag: query.tag } } } : {},
        query.q
          ? {
              OR: [
                { name: containsInsensitive(query.q) },
                { description: containsInsensitive(query.q) },
                { slug: { contains: query.q.toLowerCase() } },
                { tags: { some: { tag: query.q.toLowerCase() } } },
              ],
            }
          : {},
      ],
    },
    include: { tags: true },
    orderBy: { slug: "asc" },
    take: query.limit + 1,
  });
  const page = toPage(rows, query.limit, (row) => [row.slug]);
  // Visible tool counts for the page in one grouped query, filtered like GET /api/tools.
  const counts = await db.tool.groupBy({
    by: ["serverId"],
    where: {
      AND: [
        { serverId: { in: page.rows.map((row) => row.id) } },
        toolWhere(access, new Map(page.rows.map((row) => [row.slug, row.id]))),
      ],
    },
    _count: { _all: true },
  });
  const countByServer = new Map(counts.map((count) => [count.serverId, count._count._all]));
  return {
    items: page.rows.map((row) => toServerRecord(row, { toolCount: countByServer.get(row.id) ?? 0 })),
    nextCursor: page.nextCursor,
  };
}

/** One visible server, or null when it is invisible or absent (the caller answers 404 for both). */
export async function findVisibleServer(db: Db | Tx, access: EffectiveAccess, slug: string) {
  const row = await db.server.findUnique({ where: { slug }, include: { tags: true } });
  if (!row || !canSeeServer(access, row.slug, row.enabled)) return null;
  return row;
}

/**
 * Slug → id of the visible servers that the principal's rules (or token restriction) name, for
 * `toolWhere`. One indexed query on a handful of slugs.
 */
export async function findVisibleServerIds(db: Db, access: EffectiveAccess): Promise<Map<string, string>> {
  const named = access.managesCatalog ? [...(access.restriction ?? [])] : [...access.servers.keys()];
  if (named.length === 0) return new Map();
  const rows = await db.server.findMany({
    where: { AND: [{ slug: { in: named } }, serverWhere(access)] },
    select: { id: true, slug: true },
  });
  return new Map(rows.map((row) => [row.slug, row.id]));
}
