import { containsInsensitive, type Db } from "@/lib/db";
import { decodeCursor, toPage, type Page, type PageQuery } from "@/lib/validation/common";
import { groupInclude, toGroupRecord } from "./group-record";
import type { GroupRecord } from "./schemas";

/** Groups by name, keyset-paged (stable under concurrent inserts). */
export async function findGroups(db: Db, query: PageQuery): Promise<Page<GroupRecord>> {
  const after = decodeCursor(query.cursor, ["text"])?.[0];
  const rows = await db.group.findMany({
    where: {
      ...(query.q
        ? { OR: [{ name: containsInsensitive(query.q) }, { description: containsInsensitive(query.q) }] }
        : {}),
      ...(typeof after === "string" ? { name: { gt: after } } : {}),
    },
    include: groupInclude,
    orderBy: { name: "asc" },
    take: query.limit + 1,
  });
  const page = toPage(rows, query.limit, (row) => [row.name]);
  return { items: page.rows.map(toGroupRecord), nextCursor: page.nextCursor };
}

export async function getGroup(db: Db, name: string): Promise<GroupRecord | null> {
  const row = await db.group.findUnique({ where: { name }, include: groupInclude });
  return row ? toGroupRecord(row) : null;
}
