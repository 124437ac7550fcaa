import autocannon from "autocannon";

export interface Target {
  label: string;
  url: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  /** CPU ms used so far by the process tree that answers (bench/process-cpu.ts), for CPU per request. */
  cpuMs?: () => number;
}

export interface RoundResult {
  perSecond: number;
  /** Milliseconds; autocannon's percentiles are whole milliseconds, the mean is not. */
  mean: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** The answering process tree's CPU ms per request in this round (when the target says how to read it). */
  cpuPerRequest?: number;
  /** Count per status code other than 2xx. */
  failedStatuses: Record<string, number>;
}

/** One autocannon round against one target: `connections` in flight for `seconds`. */
export async function runRound(target: Target, connections: number, seconds: number): Promise<RoundResult> {
  const cpuBefore = target.cpuMs?.();
  const result = await autocannon({
    url: target.url,
    method: target.method ?? "GET",
    headers: target.headers,
    body: target.body,
    connections,
    duration: seconds,
  });
  return {
    perSecond: result.requests.average,
    mean: result.latency.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    failedStatuses: Object.fromEntries(
      Object.entries(result.statusCodeStats as Record<string, { count: number }>)
        .filter(([code]) => !code.startsWith("2"))
        .map(([code, stat]) => [code, stat.count]),
    ),
    cpuPerRequest:
      cpuBefore === undefined ? undefined : (target.cpuMs!() - cpuBefore) / Math.max(1, result.requests.total),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export interface Summary {
  label: string;
  perSecond: number;
  min: number;
  max: number;
  mean: number;
  p50: number;
  p99: number;
  failures: number;
  /** What the failures were: status codes, and "errors" (connection errors and timeouts). */
  failureKinds: string;
  cpuPerRequest?: number;
}

/**
 * Rounds are interleaved (target A, B, C, then A, B, C again …) so drift on a shared machine
 * hits every target alike; each figure is the median over rounds.
 */
export async function measureInterleaved(
  targets: Target[],
  options: { rounds: number; seconds: number; connections: number },
): Promise<Summary[]> {
  const rounds = new Map<string, RoundResult[]>(targets.map((target) => [target.label, []]));
  for (const target of targets) await runRound(target, options.connections, 1); // warm-up, discarded
  for (let round = 0; round < options.rounds; round++) {
    for (const target of targets)
      rounds.get(target.label)!.push(await runRound(target, options.connections, options.seconds));
  }
  return targets.map(({ label }) => {
    const results = rounds.get(label)!;
    const rates = results.map((r) => r.perSecond);
    return {
      label,
      perSecond: median(rates),
      min: Math.min(...rates),
      max: Math.max(...rates),
      mean: median(results.map((r) => r.mean)),
      p50: median(results.map((r) => r.p50)),
      p99: median(results.map((r) => r.p99)),
      failures: results.reduce((sum, r) => sum + r.non2xx + r.errors, 0),
      failureKinds: describeFailures(results),
      cpuPerRequest: results[0]?.cpuPerRequest === undefined ? undefined : median(results.map((r) => r.cpuPerRequest!)),
    };
  });
}

function describeFailures(results: RoundResult[]): string {
  const kinds = new Map<string, number>();
  for (const result of results) {
    for (const [code, count] of Object.entries(result.failedStatuses)) kinds.set(code, (kinds.get(code) ?? 0) + count);
    if (result.errors > 0) kinds.set("errors", (kinds.get("errors") ?? 0) + result.errors);
  }
  return [...kinds].map(([kind, count]) => `${kind}: ${count}`).join(", ");
}

export function formatTable(rows: Summary[], baseline: Summary): string {
  const header = `${"target".padEnd(50)} ${"req/s".padStart(8)} ${"(min–max)".padStart(15)} ${"mean ms".padStart(8)} ${"p50 ms".padStart(7)} ${"p99 ms".padStart(7)} ${"× bare".padStart(7)} ${"CPU ms/req".padStart(10)}  failures`;
  const lines = rows.map((row) =>
    [
      row.label.padEnd(50),
      row.perSecond.toFixed(0).padStart(8),
      `(${row.min.toFixed(0)}–${row.max.toFixed(0)})`.padStart(15),
      row.mean.toFixed(2).padStart(8),
      row.p50.toFixed(1).padStart(7),
      row.p99.toFixed(1).padStart(7),
      (row.perSecond / baseline.perSecond).toFixed(2).padStart(7),
      (row.cpuPerRequest === undefined ? "" : row.cpuPerRequest.toFixed(2)).padStart(10),
      `  ${row.failures}${row.failureKinds ? ` (${row.failureKinds})` : ""}`,
    ].join(" "),
  );
  return [header, ...lines].join("\n");
}
