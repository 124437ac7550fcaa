import { toolWhere } from "@/lib/access/access-where";
import { findVisibleServerIds } from "./find-servers";
import type { OperationContext } from "@/lib/context";
import { containsInsensitive } from "@/lib/db";
import { decodeCursor, toPage, type Page, type PageQuery } from "@/lib/validation/common";

export interface ToolSearchResult {
  server: string;
  name: string;
  description: string;
  inputSchema: unknown;
}

/** Searches tools across every visible server; keyset-paged by (name, id). */
export async function findTools(ctx: OperationContext, query: PageQuery): Promise<Page<ToolSearchResult>> {
  const { db, access } = ctx;
  const [name, id] = decodeCursor(query.cursor, ["text", "text"]) ?? [];
  const rows = await db.tool.findMany({
    where: {
      AND: [
        toolWhere(access, await findVisibleServerIds(db, access)),
        query.q ? { OR: [{ name: containsInsensitive(query.q) }, { description: containsInsensitive(query.q) }] } : {},
        typeof name === "string" && typeof id === "string"
          ? { OR: [{ name: { gt: name } }, { name, id: { gt: id } }] }
          : {},
      ],
    },
    select: { id: true, name: true, description: true, inputSchema: true, server: { select: { slug: true } } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: query.limit + 1,
  });
  const page = toPage(rows, query.limit, (row) => [row.name, row.id]);
  return {
    items: page.rows.map((row) => ({
      server: row.server.slug,
      name: row.name,
      description: row.description,
      inputSchema: row.inputSchema,
    })),
    nextCursor: page.nextCursor,
  };
}
