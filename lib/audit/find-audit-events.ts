import { z } from "zod";
import { requirePermission } from "@/lib/access/authorize";
import type { OperationContext } from "@/lib/context";
import { cursorParam, parseCursor, type Page, toPage } from "@/lib/validation/common";
import { keyset, sortParam, type SortField } from "@/lib/validation/keyset-sort";

const AUDIT_SORTS = {
  at: { column: "at", type: "time" },
  actor: { column: "actorName", type: "text", nullable: true },
  action: { column: "action", type: "text" },
  outcome: { column: "outcome", type: "text" },
} satisfies Record<string, SortField>;

const CURSOR_SORT_MESSAGE = "cursor belongs to another sort order; start again from the first page";

export const auditQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(1000).default(50),
    cursor: cursorParam(["text", "text", "text"]),
    /** Newest first unless told: `at`, `actor`, `action`, `outcome`, `-` in front for descending. */
    sort: sortParam(AUDIT_SORTS, "-at"),
    actor: z.string().trim().max(200).optional(),
    action: z.string().trim().max(100).optional(),
    target: z.string().trim().max(200).optional(),
    /** Narrows `target` to one kind of object ("server", "group"…): names are unique only per kind. */
    targetType: z.string().trim().max(50).optional(),
    outcome: z.enum(["success", "denied", "failure"]).optional(),
    from: z.coerce.date().optional(),
    to: z.coerce.date().optional(),
    format: z.enum(["json", "csv", "jsonl"]).default("json"),
  })
  // Checked here as well as in keyset(): a cursor from another sort is then a plain parse failure,
  // which the pages answer with the first page instead of an error.
  // A malformed cursor is the field's own error already: one issue per mistake.
  .refine(
    (query) => {
      const key = query.cursor ? parseCursor(query.cursor) : null;
      return key === null || key[0] === query.sort.token;
    },
    {
      path: ["cursor"],
      message: CURSOR_SORT_MESSAGE,
    },
  );
export type AuditQuery = z.infer<typeof auditQuery>;

export interface AuditEventRecord {
  id: string;
  at: string;
  actor: { kind: string; id: string | null; name: string | null };
  action: string;
  outcome: string;
  target: { type: string | null; id: string | null; name: string | null };
  reason: string | null;
  tokenFingerprint: string | null;
  requestId: string | null;
  before: unknown;
  after: unknown;
}

/**
 * Newest first unless sorted otherwise, keyset-paged on (field, id). Actor and target match by id
 * or by name; targetType by kind (audit:read).
 */
export async function findAuditEvents(ctx: OperationContext, query: AuditQuery): Promise<Page<AuditEventRecord>> {
  requirePermission(ctx, "audit:read");
  const { orderBy, where: cursorWhere, cursorOf } = keyset(AUDIT_SORTS, query.sort, query.cursor);
  const rows = await ctx.db.auditEvent.findMany({
    where: {
      AND: [
        query.actor ? { OR: [{ actorId: query.actor }, { actorName: query.actor }] } : {},
        query.action
          ? query.action.endsWith(".")
            ? { action: { startsWith: query.action } }
            : { action: query.action }
          : {},
        query.target ? { OR: [{ targetId: query.target }, { targetName: query.target }] } : {},
        query.targetType ? { targetType: query.targetType } : {},
        query.outcome ? { outcome: query.outcome } : {},
        query.from ? { at: { gte: query.from } } : {},
        query.to ? { at: { lte: query.to } } : {},
        cursorWhere,
      ],
    },
    orderBy: orderBy as never,
    take: query.limit + 1,
  });
  const page = toPage(rows, query.limit, cursorOf);
  return {
    items: page.rows.map((row) => ({
      id: row.id,
      at: row.at.toISOString(),
      actor: { kind: row.actorKind, id: row.actorId, name: row.actorName },
      action: row.action,
      outcome: row.outcome,
      target: { type: row.targetType, id: row.targetId, name: row.targetName },
      reason: row.reason,
      tokenFingerprint: row.tokenFingerprint,
      requestId: row.requestId,
      before: row.before ?? null,
      after: row.after ?? null,
    })),
    nextCursor: page.nextCursor,
  };
}
