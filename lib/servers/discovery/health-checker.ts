import type { OperationContext } from "@/lib/context";
import { isAppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { checkServerHealth } from "./check-server-health";

export const HEALTH_CHECK_CONCURRENCY = 4;

export interface HealthCheckerOptions {
  intervalMs: number;
  concurrency?: number;
  /** Per-probe budget (default: the probe's own). */
  timeoutMs?: number;
  /** 0 ≤ random() < 1, for jitter (injectable for tests). */
  random?: () => number;
  /** Called after each run with how many servers it probed (tests wait on it). */
  onRun?: (probed: number) => void;
}

export interface HealthChecker {
  /** Stops scheduling and waits for a run in progress. */
  stop(): Promise<void>;
}

/**
 * Probes every enabled server once, at most `concurrency` at a time. Returns how many it probed.
 * `ctx` is the registry's own (scripts/serve.ts): this is no request's act, and a probe needs
 * servers:write over the whole catalog.
 */
export async function checkAllServersHealth(
  ctx: OperationContext,
  options: { concurrency?: number; timeoutMs?: number } = {},
): Promise<number> {
  const servers = await ctx.db.server.findMany({
    where: { enabled: true },
    select: { slug: true },
    orderBy: { slug: "asc" },
  });
  let next = 0;
  const worker = async () => {
    while (next < servers.length) {
      const { slug } = servers[next++]!;
      try {
        await checkServerHealth(ctx, { slug, timeoutMs: options.timeoutMs });
      } catch (error) {
        // Deleted meanwhile, or the database failed: the next run tries again.
        if (!(isAppError(error) && error.code === "not_found"))
          log.warn("health check failed", { server: slug, error: isAppError(error) ? error.code : "unexpected" });
      }
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(options.concurrency ?? HEALTH_CHECK_CONCURRENCY, servers.length) }, worker),
  );
  return servers.length;
}

/**
 * Probes every enabled server, then waits about `intervalMs` (±10 % jitter, so instances started
 * together drift apart) before the next run. The next run is scheduled only when the current one
 * has finished, so runs never overlap however slow the upstreams are.
 */
export function startHealthChecker(ctx: OperationContext, options: HealthCheckerOptions): HealthChecker {
  const random = options.random ?? Math.random;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  const schedule = (delayMs: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = checkAllServersHealth(ctx, options)
        .then((probed) => options.onRun?.(probed))
        .catch((error: unknown) =>
          log.warn("health check run failed", { error: isAppError(error) ? error.code : "unexpected" }),
        )
        .finally(() => {
          running = null;
          schedule(options.intervalMs * (0.9 + 0.2 * random()));
        });
    }, delayMs);
    timer.unref();
  };
  // The first run waits a random part of one interval: a fleet restarted together spreads out.
  schedule(options.intervalMs * random());
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
