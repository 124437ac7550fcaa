import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ServerHealthRecord } from "@/lib/servers/schemas";
import { getProbeTarget } from "./probe-target";
import { probeUpstream } from "./probe-upstream";
import { healthErrorText, recordServerHealth, type ServerHealth } from "./record-server-health";

export function toHealthRecord(health: ServerHealth): ServerHealthRecord {
  return {
    status: health.status,
    checkedAt: health.checkedAt.toISOString(),
    latencyMs: health.latencyMs,
    error: health.error,
  };
}

/**
 * Probes the server's upstream (initialize only, with its upstream credentials) and stores the
 * outcome. A down upstream is a result, not an error: the answer says why it is down (so does
 * a stored credential that no longer opens, since the gateway cannot reach the upstream either).
 */
export async function checkServerHealth(
  db: Db,
  slug: string,
  options: { timeoutMs?: number } = {},
): Promise<ServerHealthRecord> {
  const server = await db.server.findUnique({ where: { slug }, select: { id: true } });
  if (!server) throw new AppError("not_found", `No server ${slug}.`);
  const checkedAt = new Date();
  let health: ServerHealth;
  try {
    const result = await probeUpstream(await getProbeTarget(db, slug), {
      listTools: false,
      timeoutMs: options.timeoutMs,
    });
    health = { status: "up", checkedAt, latencyMs: result.latencyMs, error: null };
  } catch (error) {
    health = { status: "down", checkedAt, latencyMs: null, error: healthErrorText(error) };
  }
  await recordServerHealth(db, server.id, health);
  return toHealthRecord(health);
}
