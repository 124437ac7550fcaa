import type { Db } from "@/lib/db";
import { decodeCursor, toPage, type Page, type PageQuery } from "@/lib/validation/common";
import { toProvisioningTokenRecord } from "./provisioning-token-record";
import type { ProvisioningTokenRecord } from "./schemas";

/** Every provisioning secret (revoked ones included), newest first. */
export async function findProvisioningTokens(db: Db, query: PageQuery): Promise<Page<ProvisioningTokenRecord>> {
  const after = decodeCursor(query.cursor, ["time", "text"]);
  const cursorWhere =
    after && typeof after[0] === "string" && typeof after[1] === "string"
      ? { OR: [{ createdAt: { lt: new Date(after[0]) } }, { createdAt: new Date(after[0]), id: { lt: after[1] } }] }
      : {};
  const rows = await db.provisioningToken.findMany({ where: cursorWhere, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: query.limit + 1 });
  const page = toPage(rows, query.limit, (row) => [row.createdAt.toISOString(), row.id]);
  return { items: page.rows.map(toProvisioningTokenRecord), nextCursor: page.nextCursor };
}
