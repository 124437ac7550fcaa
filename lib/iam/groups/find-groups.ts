import type { z } from "zod";
import { requirePermission } from "@/lib/access/authorize";
import type { OperationContext } from "@/lib/context";
import { containsInsensitive } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { pageQuery, toPage, type Page } from "@/lib/validation/common";
import { keyset, sortParam, type Sort, type SortField } from "@/lib/validation/keyset-sort";
import { groupInclude, toGroupRecord } from "./group-record";
import type { GroupRecord } from "./schemas";

const GROUP_SORTS = {
  name: { column: "name", type: "text" },
  createdAt: { column: "createdAt", type: "time" },
  updatedAt: { column: "updatedAt", type: "time" },
} satisfies Record<string, SortField>;
type GroupSortKey = keyof typeof GROUP_SORTS;

/** GET /api/iam/groups and the Groups page: paging, search and sort, kept in the URL. */
export const groupListQuery = pageQuery.extend({ sort: sortParam(GROUP_SORTS, "name") });
export type GroupListQuery = z.output<typeof groupListQuery>;

const BY_NAME: Sort<GroupSortKey> = { key: "name", desc: false, token: "name" };

/** Groups in the chosen order (by name unless told), keyset-paged on (field, id): stable under concurrent inserts (iam:read). */
export async function findGroups(
  ctx: OperationContext,
  query: Omit<GroupListQuery, "sort"> & { sort?: Sort<GroupSortKey> },
): Promise<Page<GroupRecord>> {
  requirePermission(ctx, "iam:read");
  const { orderBy, where: cursorWhere, cursorOf } = keyset(GROUP_SORTS, query.sort ?? BY_NAME, query.cursor);
  const rows = await ctx.db.group.findMany({
    where: {
      AND: [
        query.q ? { OR: [{ name: containsInsensitive(query.q) }, { description: containsInsensitive(query.q) }] } : {},
        cursorWhere,
      ],
    },
    include: groupInclude,
    orderBy: orderBy as never,
    take: query.limit + 1,
  });
  const page = toPage(rows, query.limit, cursorOf);
  return { items: page.rows.map(toGroupRecord), nextCursor: page.nextCursor };
}

/** One group (iam:read); not_found when there is no such group. */
export async function getGroup(ctx: OperationContext, { name }: { name: string }): Promise<GroupRecord> {
  requirePermission(ctx, "iam:read");
  const row = await ctx.db.group.findUnique({ where: { name }, include: groupInclude });
  if (!row) throw new AppError("not_found", `No group named ${name}.`);
  return toGroupRecord(row);
}
