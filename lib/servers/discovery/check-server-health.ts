import type { OperationContext } from "@/lib/context";
import { requireWritableServer } from "@/lib/servers/require-writable-server";
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
 * Probing with the stored credentials is a catalog manager's act, as discovery is: an invisible
 * or absent server is 404, a visible one without servers:write 403 (SPEC §3). The background
 * checker runs it with the registry's own context (scripts/serve.ts).
 */
export async function checkServerHealth(
  ctx: OperationContext,
  input: { slug: string; timeoutMs?: number },
): Promise<ServerHealthRecord> {
  const { db } = ctx;
  const { slug, ...options } = input;
  const server = await requireWritableServer(db, ctx, slug);
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
