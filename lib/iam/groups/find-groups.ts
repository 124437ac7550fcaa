import { requirePermission } from "@/lib/access/authorize";
import type { OperationContext } from "@/lib/context";
import { containsInsensitive } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { decodeCursor, toPage, type Page, type PageQuery } from "@/lib/validation/common";
import { groupInclude, toGroupRecord } from "./group-record";
import type { GroupRecord } from "./schemas";

/** Groups by name, keyset-paged (stable under concurrent inserts). */
export async function findGroups(ctx: OperationContext, query: PageQuery): Promise<Page<GroupRecord>> {
  requirePermission(ctx, "iam:read");
  const after = decodeCursor(query.cursor, ["text"])?.[0];
  const rows = await ctx.db.group.findMany({
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

/** One group (iam:read); not_found when there is no such group. */
export async function getGroup(ctx: OperationContext, { name }: { name: string }): Promise<GroupRecord> {
  requirePermission(ctx, "iam:read");
  const row = await ctx.db.group.findUnique({ where: { name }, include: groupInclude });
  if (!row) throw new AppError("not_found", `No group named ${name}.`);
  return toGroupRecord(row);
}
