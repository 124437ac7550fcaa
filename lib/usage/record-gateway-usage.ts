import { randomUUID } from "node:crypto";
import type { Principal } from "@/lib/auth/principal";
import { flushUsage, usageBatch, type Db } from "@/lib/db";
import type { UsageRow } from "@/lib/db/usage-row-writer";
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

// PostgreSQL text cannot hold NUL; a caller-chosen tool name must not fail the whole batch it lands in.
const storable = (text: string, max: number) => text.slice(0, max).replaceAll("\u0000", "\uFFFD");

function toRow(record: GatewayUsageInput): UsageRow {
  return {
    id: randomUUID(),
    at: record.at ?? new Date(),
    principalKind: record.principal.kind,
    principalId: record.principal.id,
    principalName: record.principal.displayName,
    serverSlug: record.serverSlug,
    tool: storable(record.tool, 200),
    outcome: record.outcome,
    durationMs: Math.max(0, Math.round(record.durationMs)),
    requestId: record.requestId,
    detail: record.detail === undefined ? null : storable(record.detail, 500),
  };
}

/**
 * Records tools/call usage without holding up the answer: the rows are queued and written in
 * batches (lib/db.ts), and a failed write is logged and retried, never thrown (usage is not
 * worth failing a tool call for).
 */
export function recordGatewayUsage(db: Db, records: GatewayUsageInput[]): void {
  if (records.length === 0) return;
  const batch = usageBatch(db);
  if (!batch) {
    log.error("gateway usage dropped: its database is closed", { requestId: records[0]!.requestId });
    return;
  }
  batch.add(records.map(toRow));
}

/** Writes the usage rows queued in this process, so a reader right after sees them. */
export function flushGatewayUsage(): Promise<void> {
  return flushUsage();
}
