import { requirePermission } from "@/lib/access/authorize";
import type { PrincipalContext } from "@/lib/context";
import { containsInsensitive } from "@/lib/db";
import { afterNewest, type Page, type PageQuery, toPage } from "@/lib/validation/common";
import type { ApiTokenRecord } from "./schemas";
import { toTokenRecord } from "./token-record";
import { requireTokenOwner } from "./require-token-owner";

/** The caller's own tokens, newest first. */
export async function findTokens(ctx: PrincipalContext, query: PageQuery): Promise<Page<ApiTokenRecord>> {
  const ownerId = requireTokenOwner(ctx.principal);
  requirePermission(ctx, "tokens:create");
  const cursorWhere = afterNewest(query.cursor, "createdAt");
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
