import { z } from "zod";
import { requirePermission } from "@/lib/access/authorize";
import type { OperationContext } from "@/lib/context";
import { containsInsensitive } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { keyset, sortParam, type SortField } from "@/lib/validation/keyset-sort";
import { pageQuery, toPage, type Page } from "@/lib/validation/common";
import { groupName } from "../groups/schemas";
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

/**
 * M2M accounts sorted by name, last use or creation (keyset on (field, id)), searchable by name,
 * client id or tenant id; `filters` narrow to accounts whose Entra secret expires soon or unused ones.
 */
export async function findM2mAccounts(
  ctx: OperationContext,
  query: Omit<M2mAccountListQuery, "sort"> & { sort?: M2mAccountListQuery["sort"] },
  filters: M2mAccountFilters = {},
  now = Date.now(),
): Promise<Page<M2mAccountRecord>> {
  requirePermission(ctx, "iam:read");
  const {
    orderBy,
    where: cursorWhere,
    cursorOf,
  } = keyset(M2M_SORTS, query.sort ?? { key: "name", desc: false, token: "name" }, query.cursor);
  const q = query.q?.toLowerCase();
  const searchWhere = q
    ? {
        OR: [{ name: containsInsensitive(query.q!) }, { clientId: { startsWith: q } }, { tenantId: { startsWith: q } }],
      }
    : {};
  const rows = await ctx.db.m2mAccount.findMany({
    where: {
      AND: [
        searchWhere,
        cursorWhere,
        query.enabled ? { enabled: query.enabled === "true" } : {},
        query.group ? { groups: { some: { group: { name: query.group } } } } : {},
        ...filterWhere(filters, now),
      ],
    },
    include: m2mAccountInclude,
    orderBy: orderBy as never,
    take: query.limit + 1,
  });
  const page = toPage(rows, query.limit, cursorOf);
  return { items: page.rows.map(toM2mAccountRecord), nextCursor: page.nextCursor };
}

/** One M2M account (iam:read); not_found when there is no such account. */
export async function getM2mAccount(ctx: OperationContext, { id }: { id: string }): Promise<M2mAccountRecord> {
  requirePermission(ctx, "iam:read");
  const row = await loadM2mAccountRow(ctx.db, id);
  if (!row) throw new AppError("not_found", "No such M2M account.");
  return toM2mAccountRecord(row);
}
