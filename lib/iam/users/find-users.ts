import { z } from "zod";
import { requirePermission } from "@/lib/access/authorize";
import type { OperationContext } from "@/lib/context";
import { containsInsensitive } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { keyset, sortParam, type SortField } from "@/lib/validation/keyset-sort";
import { pageQuery, toPage, type Page } from "@/lib/validation/common";
import { groupName } from "../groups/schemas";
import type { UserRecord } from "./schemas";
import { loadUserRow, toUserRecord, userInclude } from "./user-record";

const USER_SORTS = {
  name: { column: "displayName", type: "text" },
  lastSignInAt: { column: "lastSignInAt", type: "time", nullable: true },
  createdAt: { column: "createdAt", type: "time" },
} satisfies Record<string, SortField>;

/** GET /api/iam/users and the Users page: paging, search, sort, and filters kept in the URL. */
export const userListQuery = pageQuery.extend({
  sort: sortParam(USER_SORTS, "name"),
  enabled: z.enum(["true", "false"], "enabled must be true or false").optional(),
  group: groupName.optional(),
});
export type UserListQuery = z.output<typeof userListQuery>;

export async function findUsers(ctx: OperationContext, query: UserListQuery): Promise<Page<UserRecord>> {
  requirePermission(ctx, "iam:read");
  const { orderBy, where: cursorWhere, cursorOf } = keyset(USER_SORTS, query.sort, query.cursor);
  const searchWhere = query.q
    ? {
        OR: [
          { displayName: containsInsensitive(query.q) },
          { email: containsInsensitive(query.q) },
          { objectId: { startsWith: query.q.toLowerCase() } },
        ],
      }
    : {};
  const rows = await ctx.db.user.findMany({
    where: {
      AND: [
        searchWhere,
        cursorWhere,
        query.enabled ? { enabled: query.enabled === "true" } : {},
        query.group ? { groups: { some: { group: { name: query.group } } } } : {},
      ],
    },
    include: userInclude,
    orderBy: orderBy as never,
    take: query.limit + 1,
  });
  const page = toPage(rows, query.limit, cursorOf);
  return { items: page.rows.map(toUserRecord), nextCursor: page.nextCursor };
}

/** One user (iam:read); not_found when there is no such user. */
export async function getUser(ctx: OperationContext, { id }: { id: string }): Promise<UserRecord> {
  requirePermission(ctx, "iam:read");
  const row = await loadUserRow(ctx.db, id);
  if (!row) throw new AppError("not_found", "No such user.");
  return toUserRecord(row);
}
