import { importJWK } from "jose";
import { AppError } from "@/lib/errors";

/**
 * Signing keys per JWKS URL (SPEC §2.3 step 5). Unlike jose's createRemoteJWKSet it keeps
 * last-known-good keys through an outage, refreshes in the background, rate-limits refreshes
 * caused by unknown kids, and reports its state for the health endpoint.
 */
export interface JwksCacheOptions {
  fetch?: typeof globalThis.fetch;
  /** Milliseconds since the epoch. */
  now?: () => number;
  /** Keys older than this are refreshed in the background; the request does not wait. */
  softTtlMs?: number;
  /** Last-known-good keys are dropped after this long without a successful refresh. */
  maxStaleMs?: number;
  /** Minimum time between two fetch attempts for one URL, successful or not. */
  refreshIntervalMs?: number;
  /** Capped at 5 s. */
  fetchTimeoutMs?: number;
}

export interface JwksUrlState {
  url: string;
  keyCount: number;
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  lastError: string | null;
  refreshing: boolean;
}

export interface JwksCache {
  /** The RS256 verification key for `kid`, or AppError invalid_token / temporarily_unavailable. */
  getKey(jwksUrl: string, kid: string): Promise<CryptoKey>;
  /** Starts a fetch (or joins the one in flight) when the refresh interval allows; never throws. */
  refresh(jwksUrl: string): Promise<void>;
  state(): JwksUrlState[];
}

interface Entry {
  keys: Map<string, CryptoKey> | null;
  fetchedAt: number | null;
  lastAttemptAt: number | null;
  lastError: string | null;
  inFlight: Promise<void> | null;
}

const MAX_FETCH_TIMEOUT_MS = 5_000;
const MAX_KEYS = 100;
const MAX_BODY_CHARS = 512 * 1024;

export function createJwksCache(options: JwksCacheOptions = {}): JwksCache {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const now = options.now ?? Date.now;
  const softTtlMs = options.softTtlMs ?? 60 * 60 * 1000;
  const maxStaleMs = options.maxStaleMs ?? 24 * 60 * 60 * 1000;
  const refreshIntervalMs = options.refreshIntervalMs ?? 5 * 60 * 1000;
  const timeoutMs = Math.min(options.fetchTimeoutMs ?? MAX_FETCH_TIMEOUT_MS, MAX_FETCH_TIMEOUT_MS);
  const entries = new Map<string, Entry>();

  function entryFor(url: string): Entry {
    let entry = entries.get(url);
    if (!entry) {
      entry = { keys: null, fetchedAt: null, lastAttemptAt: null, lastError: null, inFlight: null };
      entries.set(url, entry);
    }
    return entry;
  }

  // The window counts from the last attempt, successful or not, so an unknown-kid flood or an
  // outage costs the identity provider at most one request per window.
  function mayAttempt(entry: Entry, t: number): boolean {
    return entry.lastAttemptAt === null || t - entry.lastAttemptAt >= refreshIntervalMs;
  }

  function startFetch(url: string, entry: Entry): Promise<void> {
    if (entry.inFlight) return entry.inFlight;
    entry.lastAttemptAt = now();
    entry.inFlight = loadKeys(url)
      .then((keys) => {
        entry.keys = keys;
        entry.fetchedAt = now();
        entry.lastError = null;
      })
      .catch((error: unknown) => {
        // A failed or empty fetch never replaces keys that worked.
        entry.lastError = describe(error);
      })
      .finally(() => {
        entry.inFlight = null;
      });
    return entry.inFlight;
  }

  async function loadKeys(url: string): Promise<Map<string, CryptoKey>> {
    const response = await fetchImpl(url, {
      signal: AbortSignal.timeout(timeoutMs),
      redirect: "error",
      headers: { accept: "application/json" },
    });
    if (!response.ok) throw new Error(`http ${response.status}`);
    const body = await response.text();
    if (body.length > MAX_BODY_CHARS) throw new Error("key set too large");
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      throw new Error("key set is not JSON");
    }
    const list = (parsed as { keys?: unknown } | null)?.keys;
    if (!Array.isArray(list)) throw new Error("key set has no keys array");
    const keys = new Map<string, CryptoKey>();
    for (const jwk of list.slice(0, MAX_KEYS)) {
      const imported = await importSigningKey(jwk);
      if (imported && !keys.has(imported.kid)) keys.set(imported.kid, imported.key);
    }
    if (keys.size === 0) throw new Error("key set has no usable RS256 keys");
    return keys;
  }

  function dropIfStale(entry: Entry, t: number): void {
    if (entry.fetchedAt !== null && t - entry.fetchedAt > maxStaleMs) {
      entry.keys = null;
      entry.fetchedAt = null;
    }
  }

  function unavailable(entry: Entry): AppError {
    const waitMs = entry.lastAttemptAt === null ? 0 : entry.lastAttemptAt + refreshIntervalMs - now();
    return new AppError("temporarily_unavailable", "The identity provider's keys are temporarily unavailable.", {
      retryAfter: Math.max(1, Math.ceil(waitMs / 1000)),
      reason: `no usable keys: ${entry.lastError ?? "not fetched"}`,
    });
  }

  async function getKey(url: string, kid: string): Promise<CryptoKey> {
    const entry = entryFor(url);
    const t = now();
    dropIfStale(entry, t);
    const known = entry.keys?.get(kid);
    if (known) {
      const fresh = entry.fetchedAt !== null && t - entry.fetchedAt < softTtlMs;
      if (!fresh && mayAttempt(entry, t)) void startFetch(url, entry);
      return known;
    }
    // A request waits on at most one fetch: the one in flight, or a new one if the window allows.
    if (entry.inFlight || mayAttempt(entry, t)) await startFetch(url, entry);
    const key = entry.keys?.get(kid);
    if (key) return key;
    if (!entry.keys) throw unavailable(entry);
    throw new AppError("invalid_token", "The access token is invalid.", { reason: "unknown kid" });
  }

  async function refresh(url: string): Promise<void> {
    const entry = entryFor(url);
    if (entry.inFlight || mayAttempt(entry, now())) await startFetch(url, entry);
  }

  function state(): JwksUrlState[] {
    return [...entries].map(([url, entry]) => ({
      url,
      keyCount: entry.keys?.size ?? 0,
      lastSuccessAt: iso(entry.fetchedAt),
      lastAttemptAt: iso(entry.lastAttemptAt),
      lastError: entry.lastError,
      refreshing: entry.inFlight !== null,
    }));
  }

  return { getKey, refresh, state };
}

async function importSigningKey(jwk: unknown): Promise<{ kid: string; key: CryptoKey } | null> {
  if (typeof jwk !== "object" || jwk === null) return null;
  const { kty, use, alg, kid, n, e } = jwk as Record<string, unknown>;
  if (kty !== "RSA" || (use !== undefined && use !== "sig")) return null;
  if (alg !== undefined && alg !== "RS256") return null;
  if (typeof kid !== "string" || kid.length === 0 || kid.length > 128) return null;
  if (typeof n !== "string" || typeof e !== "string") return null;
  // RS256 with a modulus under 2048 bits is refused rather than kept as a usable key.
  if (Buffer.from(n, "base64url").length < 256) return null;
  try {
    // Only the public members are imported: key_ops/ext/x5c from the wire never matter.
    const key = await importJWK({ kty, n, e }, "RS256");
    return key instanceof Uint8Array ? null : { kid, key };
  } catch {
    return null;
  }
}

function describe(error: unknown): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) return "timeout";
  const code = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  if (error instanceof Error && typeof code === "string") return `${error.message}: ${code}`.slice(0, 200);
  if (error instanceof Error && error.message) return error.message.slice(0, 200);
  return "fetch failed";
}

function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}
