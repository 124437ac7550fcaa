import { performance } from "node:perf_hooks";

export interface LoadResult {
  requests: number;
  seconds: number;
  p50: number;
  p99: number;
  perSecond: number;
  statuses: Record<number, number>;
}

/** Sends `total` GETs with `concurrency` in flight (keep-alive fetch); latency in milliseconds. */
export async function runLoad(url: string, headers: Record<string, string>, total: number, concurrency: number): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  let next = 0;
  const start = performance.now();
  async function worker() {
    while (next < total) {
      next++;
      const begun = performance.now();
      const response = await fetch(url, { headers });
      await response.arrayBuffer();
      latencies.push(performance.now() - begun);
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { requests: total, seconds, p50: at(0.5), p99: at(0.99), perSecond: total / seconds, statuses };
}

export function formatResult(label: string, result: LoadResult): string {
  const statuses = Object.entries(result.statuses).map(([status, count]) => `${status}×${count}`).join(" ");
  return `${label.padEnd(44)} p50 ${result.p50.toFixed(1).padStart(6)} ms   p99 ${result.p99.toFixed(1).padStart(6)} ms   ${result.perSecond.toFixed(0).padStart(6)} req/s   [${statuses}]`;
}
