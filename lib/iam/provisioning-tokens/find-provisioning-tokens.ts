import { requirePermission } from "@/lib/access/authorize";
import type { OperationContext } from "@/lib/context";
import { afterNewest, type Page, type PageQuery, toPage } from "@/lib/validation/common";
import { toProvisioningTokenRecord } from "./provisioning-token-record";
import type { ProvisioningTokenRecord } from "./schemas";

/** Every provisioning secret (revoked ones included), newest first. */
export async function findProvisioningTokens(
  ctx: OperationContext,
  query: PageQuery,
): Promise<Page<ProvisioningTokenRecord>> {
  requirePermission(ctx, "iam:read");
  const cursorWhere = afterNewest(query.cursor, "createdAt");
  const rows = await ctx.db.provisioningToken.findMany({
    where: cursorWhere,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
  });
  const page = toPage(rows, query.limit, (row) => [row.createdAt.toISOString(), row.id]);
  return { items: page.rows.map(toProvisioningTokenRecord), nextCursor: page.nextCursor };
}
