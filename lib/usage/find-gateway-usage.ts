import { z } from "zod";
import { requirePermission } from "@/lib/access/authorize";
import type { OperationContext } from "@/lib/context";
import { flushGatewayUsage } from "./record-gateway-usage";
import { afterNewest, cursorParam, type Page, toPage } from "@/lib/validation/common";

export const usageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  cursor: cursorParam(["time", "text"]),
  /** A principal id or display name. */
  principal: z.string().trim().max(200).optional(),
  server: z.string().trim().max(63).optional(),
  tool: z.string().trim().max(200).optional(),
  outcome: z.enum(["ok", "error", "denied", "upstream_error"]).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  format: z.enum(["json", "csv", "jsonl"]).default("json"),
});
export type UsageQuery = z.infer<typeof usageQuery>;

export interface GatewayUsageRecord {
  id: string;
  at: string;
  principal: { kind: string; id: string; name: string };
  server: string;
  tool: string;
  outcome: string;
  durationMs: number;
  requestId: string;
  detail: string | null;
}

/**
 * Newest first, keyset-paged on (at, id), like the audit log (and, like it, audit:read). This
 * process's queued rows are written first, so its own calls are always listed; other instances'
 * appear within their flush interval.
 */
export async function findGatewayUsage(ctx: OperationContext, query: UsageQuery): Promise<Page<GatewayUsageRecord>> {
  requirePermission(ctx, "audit:read");
  await flushGatewayUsage();
  const rows = await ctx.db.gatewayUsage.findMany({
    where: {
      AND: [
        query.principal ? { OR: [{ principalId: query.principal }, { principalName: query.principal }] } : {},
        query.server ? { serverSlug: query.server } : {},
        query.tool ? { tool: query.tool } : {},
        query.outcome ? { outcome: query.outcome } : {},
        query.from ? { at: { gte: query.from } } : {},
        query.to ? { at: { lte: query.to } } : {},
        afterNewest(query.cursor, "at"),
      ],
    },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: query.limit + 1,
  });
  const page = toPage(rows, query.limit, (row) => [row.at.toISOString(), row.id]);
  return {
    items: page.rows.map((row) => ({
      id: row.id,
      at: row.at.toISOString(),
      principal: { kind: row.principalKind, id: row.principalId, name: row.principalName },
      server: row.serverSlug,
      tool: row.tool,
      outcome: row.outcome,
      durationMs: row.durationMs,
      requestId: row.requestId,
      detail: row.detail,
    })),
    nextCursor: page.nextCursor,
  };
}
