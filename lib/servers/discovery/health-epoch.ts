/**
 * Health is an observation, not an IAM change, so it does not move the IAM generation that keys
 * the catalog cache. Instead: a write on this instance moves this process-wide epoch (seen at
 * once here), and a cached overlay is re-read at most HEALTH_TTL_MS later in any case (what other
 * instances' probes wrote). Kept on globalThis under a registered symbol: every copy of this
 * module in the process (a Next bundle, the API application) shares the one counter.
 */
const KEY = Symbol.for("mcp-registry.healthEpoch");
const store = globalThis as unknown as Record<symbol, number | undefined>;

export const HEALTH_TTL_MS = 5_000;

export function healthEpoch(): number {
  return store[KEY] ?? 0;
}

export function healthChanged(): void {
  store[KEY] = healthEpoch() + 1;
}
