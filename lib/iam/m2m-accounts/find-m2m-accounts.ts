import { z } from "zod";
import { containsInsensitive, type Db } from "@/lib/db";
import { keyset, sortParam, type SortField } from "@/lib/validation/keyset-sort";
import { pageQuery, toPage, type Page } from "@/lib/validation/common";
import { groupName } from "../groups/schemas";
import { loadM2mAccountRow, m2mAccountInclude, toM2mAccountRecord } from "./m2m-account-record";
import type { M2mAccountRecord } from "./schemas";

const M2M_SORTS = {
  name: { column: "name", type: "text" },
  lastUsedAt: { column: "lastUsedAt", type: "time", nullable: true },
  createdAt: { column: "createdAt", type: "time" },
} satisfies Record<string, SortField>;

/** GET /api/iam/m2m-accounts and its page: paging, search, sort, and filters kept in the URL. */
export const m2mAccountListQuery = pageQuery.extend({
  sort: sortParam(M2M_SORTS, "name"),
  enabled: z.enum(["true", "false"], "enabled must be true or false").optional(),
  group: groupName.optional(),
});
export type M2mAccountListQuery = z.output<typeof m2mAccountListQuery>;

/** M2M accounts sorted by name, last use or creation (keyset on (field, id)), searchable by name, client id or tenant id. */
export async function findM2mAccounts(db: Db, query: M2mAccountListQuery): Promise<Page<M2mAccountRecord>> {
  const { orderBy, where: cursorWhere, cursorOf } = keyset(M2M_SORTS, query.sort, query.cursor);
  const q = query.q?.toLowerCase();
  const searchWhere = q ? { OR: [{ name: containsInsensitive(query.q!) }, { clientId: { startsWith: q } }, { tenantId: { startsWith: q } }] } : {};
  const rows = await db.m2mAccount.findMany({
    where: { AND: [searchWhere, cursorWhere, query.enabled ? { enabled: query.enabled === "true" } : {}, query.group ? { groups: { some: { group: { name: query.group } } } } : {}] },
    include: m2mAccountInclude,
    orderBy: orderBy as never,
    take: query.limit + 1,
  });
  const page = toPage(rows, query.limit, cursorOf);
  return { items: page.rows.map(toM2mAccountRecord), nextCursor: page.nextCursor };
}

export async function getM2mAccount(db: Db, id: string): Promise<M2mAccountRecord | null> {
  const row = await loadM2mAccountRow(db, id);
  return row ? toM2mAccountRecord(row) : null;
}
