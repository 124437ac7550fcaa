import type { IncomingMessage } from "node:http";
import type { EffectiveAccess } from "@/lib/access/effective-access";
import type { Principal } from "@/lib/auth/principal";
import type { Db } from "@/lib/db";
import { recordGatewayUsage, type UsageOutcome } from "@/lib/usage/record-gateway-usage";

/** One authenticated gateway request to a visible server. */
export interface GatewayCall {
  db: Db;
  principal: Principal;
  access: EffectiveAccess;
  requestId: string;
  server: { slug: string; url: string; transport: string };
  /** Decrypted upstream credential headers (empty when the server has none). */
  credentials: Record<string, string>;
  /** performance.now() when the request arrived: usage durations count from here. */
  started: number;
  /** The Node request behind the web one, when the server is Node's (not under `next dev`). */
  incoming?: IncomingMessage;
}

/** Queued, never awaited: usage never holds up the answer (lib/usage/record-gateway-usage.ts). */
export function recordUsage(
  call: GatewayCall,
  records: { tool: string; outcome: UsageOutcome; detail?: string }[],
): void {
  const durationMs = performance.now() - call.started;
  recordGatewayUsage(
    call.db,
    records.map((record) => ({
      ...record,
      durationMs,
      principal: call.principal,
      serverSlug: call.server.slug,
      requestId: call.requestId,
    })),
  );
}
