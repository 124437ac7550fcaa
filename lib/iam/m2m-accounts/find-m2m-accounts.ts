import { containsInsensitive, type Db } from "@/lib/db";
import { decodeCursor, toPage, type Page, type PageQuery } from "@/lib/validation/common";
import { loadM2mAccountRow, m2mAccountInclude, toM2mAccountRecord } from "./m2m-account-record";
import { EXPIRY_WARNING_DAYS } from "./entra-app-health";
import type { M2mAccountFilters, M2mAccountRecord } from "./schemas";

const DAY_MS = 86_400_000;

function filterWhere(filters: M2mAccountFilters, now: number) {
  const where = [];
  if (filters.expiring) where.push({ entraAppExpiresAt: { lte: new Date(now + EXPIRY_WARNING_DAYS * DAY_MS) } });
  if (filters.unused) where.push({ OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now - 30 * DAY_MS) } }] });
  return where;
}

/** M2M accounts by (name, id), searchable by name, client id or tenant id. */
export async function findM2mAccounts(db: Db, query: PageQuery, filters: M2mAccountFilters = {}, now = Date.now()): Promise<Page<M2mAccountRecord>> {
  const after = decodeCursor(query.cursor, ["text", "text"]);
  const [name, id] = after ?? [];
  const cursorWhere = typeof name === "string" && typeof id === "string" ? { OR: [{ name: { gt: name } }, { name, id: { gt: id } }] } : {};
  const q = query.q?.toLowerCase();
  const searchWhere = q ? { OR: [{ name: containsInsensitive(query.q!) }, { clientId: { startsWith: q } }, { tenantId: { startsWith: q } }] } : {};
  const rows = await db.m2mAccount.findMany({
    where: { AND: [searchWhere, cursorWhere, ...filterWhere(filters, now)] },
    include: m2mAccountInclude,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: query.limit + 1,
  });
  const page = toPage(rows, query.limit, (row) => [row.name, row.id]);
  return { items: page.rows.map(toM2mAccountRecord), nextCursor: page.nextCursor };
}

export async function getM2mAccount(db: Db, id: string): Promise<M2mAccountRecord | null> {
  const row = await loadM2mAccountRow(db, id);
  return row ? toM2mAccountRecord(row) : null;
}
