import { z } from "zod";
import { requirePermission } from "@/lib/access/authorize";
import type { OperationContext } from "@/lib/context";
import { containsInsensitive } from "@/lib/db";
import { keyset, sortParam, type SortField } from "@/lib/validation/keyset-sort";
import { pageQuery, toPage, type Page } from "@/lib/validation/common";
import type { ApiTokenRecord } from "./schemas";
import { toTokenRecord } from "./token-record";

const TOKEN_SORTS = {
  createdAt: { column: "createdAt", type: "time" },
  lastUsedAt: { column: "lastUsedAt", type: "time", nullable: true },
  expiresAt: { column: "expiresAt", type: "time" },
  name: { column: "name", type: "text" },
} satisfies Record<string, SortField>;

export const TOKEN_STATUSES = ["active", "expired", "revoked", "rotating"] as const;

/** GET /api/iam/tokens: everyone's tokens for iam:read holders, by owner and status. */
export const allTokensQuery = pageQuery.extend({
  sort: sortParam(TOKEN_SORTS, "-createdAt"),
  status: z.enum(TOKEN_STATUSES, `status must be one of ${TOKEN_STATUSES.join(", ")}`).optional(),
  owner: z.string().uuid("owner must be a user id").optional(),
});
export type AllTokensQuery = z.output<typeof allTokensQuery>;

export interface AdminTokenRecord extends ApiTokenRecord {
  owner: { id: string; displayName: string };
}

/** Status at `now`: revoked wins; then expired; then rotating (an old secret still in its grace); else active. */
function statusWhere(status: AllTokensQuery["status"], now: Date) {
  if (status === "revoked") return { revokedAt: { not: null } };
  if (status === "expired") return { revokedAt: null, expiresAt: { lte: now } };
  if (status === "rotating") return { revokedAt: null, expiresAt: { gt: now }, graceUntil: { gt: now } };
  if (status === "active") return { revokedAt: null, expiresAt: { gt: now } };
  return {};
}

export async function findAllTokens(
  ctx: OperationContext,
  query: AllTokensQuery,
  now = new Date(),
): Promise<Page<AdminTokenRecord>> {
  requirePermission(ctx, "iam:read");
  const { db } = ctx;
  const { orderBy, where: cursorWhere, cursorOf } = keyset(TOKEN_SORTS, query.sort, query.cursor);
  const rows = await db.apiToken.findMany({
    where: {
      AND: [
        cursorWhere,
        statusWhere(query.status, now),
        query.owner ? { ownerId: query.owner } : {},
        query.q
          ? { OR: [{ name: containsInsensitive(query.q) }, { owner: { displayName: containsInsensitive(query.q) } }] }
          : {},
      ],
    },
    include: { owner: { select: { id: true, displayName: true } } },
    orderBy: orderBy as never,
    take: query.limit + 1,
  });
  const page = toPage(rows, query.limit, cursorOf);
  return { items: page.rows.map((row) => ({ ...toTokenRecord(row), owner: row.owner })), nextCursor: page.nextCursor };
}
