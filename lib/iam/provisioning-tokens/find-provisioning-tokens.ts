import type { Db } from "@/lib/db";
import { afterNewest, type Page, type PageQuery, toPage } from "@/lib/validation/common";
import { toProvisioningTokenRecord } from "./provisioning-token-record";
import type { ProvisioningTokenRecord } from "./schemas";

/** Every provisioning secret (revoked ones included), newest first. */
export async function findProvisioningTokens(db: Db, query: PageQuery): Promise<Page<ProvisioningTokenRecord>> {
  const cursorWhere = afterNewest(query.cursor, "createdAt");
  const rows = await db.provisioningToken.findMany({
    where: cursorWhere,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
  });
  const page = toPage(rows, query.limit, (row) => [row.createdAt.toISOString(), row.id]);
  return { items: page.rows.map(toProvisioningTokenRecord), nextCursor: page.nextCursor };
}
