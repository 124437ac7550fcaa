import type { Principal } from "@/lib/auth/principal";
import type { Db } from "@/lib/db";
import { log } from "@/lib/log";

export type UsageOutcome = "ok" | "error" | "denied" | "upstream_error";

export interface GatewayUsageInput {
  principal: Principal;
  serverSlug: string;
  tool: string;
  outcome: UsageOutcome;
  durationMs: number;
  requestId: string;
  detail?: string;
  at?: Date;
}

/**
 * Records tools/call usage without holding up the answer: the caller does not await it, and a
 * failed write is logged, never thrown (usage is not worth failing a tool call for).
 */
export function recordGatewayUsage(db: Db, records: GatewayUsageInput[]): Promise<void> {
  if (records.length === 0) return Promise.resolve();
  return db.gatewayUsage
    .createMany({
      data: records.map((record) => ({
        at: record.at ?? new Date(),
        principalKind: record.principal.kind,
        principalId: record.principal.id,
        principalName: record.principal.displayName,
        serverSlug: record.serverSlug,
        tool: record.tool.slice(0, 200),
        outcome: record.outcome,
        durationMs: Math.max(0, Math.round(record.durationMs)),
        requestId: record.requestId,
        detail: record.detail?.slice(0, 500) ?? null,
      })),
    })
    .then(
      () => undefined,
      (error: unknown) =>
        log.error("gateway usage write failed", {
          requestId: records[0]!.requestId,
          error: error instanceof Error ? error.message : String(error),
        }),
    );
}
