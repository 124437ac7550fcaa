import type { Db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { healthChanged } from "./health-epoch";

export interface ServerHealth {
  status: "up" | "down";
  checkedAt: Date;
  latencyMs: number | null;
  error: string | null;
}

/** Probe failures carry messages built without upstream text; anything else is not repeated. */
export function healthErrorText(error: unknown): string {
  return isAppError(error) ? error.message : "The probe failed unexpectedly.";
}

/**
 * Stores a probe's outcome on the server. Health is an observation, not an IAM or catalog change:
 * no audit event and no IAM generation bump (GET /api/servers overlays current health; see
 * lib/servers/discovery/with-current-health.ts). `updatedAt` keeps meaning "last edited".
 */
export async function recordServerHealth(db: Db, serverId: string, health: ServerHealth): Promise<void> {
  await db.$transaction(async (tx) => {
    const row = await tx.server.findUnique({ where: { id: serverId }, select: { updatedAt: true } });
    if (!row) return; // deleted while it was probed
    await tx.server.update({
      where: { id: serverId },
      data: {
        healthStatus: health.status,
        healthCheckedAt: health.checkedAt,
        healthLatencyMs: health.latencyMs,
        healthError: health.error?.slice(0, 500) ?? null,
        updatedAt: row.updatedAt,
      },
    });
  });
  healthChanged();
}
