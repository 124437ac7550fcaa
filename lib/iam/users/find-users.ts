import { containsInsensitive, type Db } from "@/lib/db";
import { decodeCursor, toPage, type Page, type PageQuery } from "@/lib/validation/common";
import type { UserRecord } from "./schemas";
import { loadUserRow, toUserRecord, userInclude } from "./user-record";

export async function findUsers(db: Db, query: PageQuery): Promise<Page<UserRecord>> {
  const [name, id] = decodeCursor(query.cursor, ["text", "text"]) ?? [];
  const cursorWhere = typeof name === "string" && typeof id === "string" ? { OR: [{ displayName: { gt: name } }, { displayName: name, id: { gt: id } }] } : {};
  const searchWhere = query.q ? { OR: [{ displayName: containsInsensitive(query.q) }, { email: containsInsensitive(query.q) }, { objectId: { startsWith: query.q.toLowerCase() } }] } : {};
  const rows = await db.user.findMany({
    where: { AND: [searchWhere, cursorWhere] },
    include: userInclude,
    orderBy: [{ displayName: "asc" }, { id: "asc" }],
    take: query.limit + 1,
  });
  const page = toPage(rows, query.limit, (row) => [row.displayName, row.id]);
  return { items: page.rows.map(toUserRecord), nextCursor: page.nextCursor };
}

export async function getUser(db: Db, id: string): Promise<UserRecord | null> {
  const row = await loadUserRow(db, id);
  return row ? toUserRecord(row) : null;
}
