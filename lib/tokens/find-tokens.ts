import type { OperationContext } from "@/lib/context";
import { containsInsensitive } from "@/lib/db";
import { decodeCursor, toPage, type Page, type PageQuery } from "@/lib/validation/common";
import type { ApiTokenRecord } from "./schemas";
import { toTokenRecord } from "./token-record";
import { requireTokenOwner } from "./require-token-owner";

/** The caller's own tokens, newest first. */
export async function findTokens(ctx: OperationContext, query: PageQuery): Promise<Page<ApiTokenRecord>> {
  const ownerId = requireTokenOwner(ctx.principal);
  const after = decodeCursor(query.cursor, ["time", "text"]);
  const cursorWhere =
    after && typeof after[0] === "string" && typeof after[1] === "string"
      ? { OR: [{ createdAt: { lt: new Date(after[0]) } }, { createdAt: new Date(after[0]), id: { lt: after[1] } }] }
      : {};
  const rows = await ctx.db.apiToken.findMany({
    where: { ownerId, ...(query.q ? { name: containsInsensitive(query.q) } : {}), ...cursorWhere },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
  });
  const page = toPage(rows, query.limit, (row) => [row.createdAt.toISOString(), row.id]);
  return {
    items: page.rows.map(toTokenRecord),
    nextCursor: page.nextCursor,
  };
}
