import assert from "node:assert/strict";

/** One HTTP exchange with a registry under test, kept for the whole-run checks. */
export interface Exchange {
  label: string;
  method: string;
  path: string;
  status: number;
  headers: Headers;
  text: string;
  /** Parsed JSON, or undefined when the body is not JSON. */
  // `any` on purpose: assertions navigate bodies of every shape and fail loudly when one is off.
  json: any;
  ms: number;
}

export interface RequestOptions {
  method?: string;
  token?: string;
  cookie?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * Every request of the run goes through one recorder, so the error contract (SPEC §6) is
 * asserted over all responses at the end, and every credential sent is known to the
 * log-hygiene check.
 */
export class HttpRecorder {
  readonly exchanges: Exchange[] = [];
  readonly credentials = new Set<string>();

  async request(baseUrl: string, path: string, options: RequestOptions = {}, label = ""): Promise<Exchange> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token !== undefined) {
      headers.authorization = `Bearer ${options.token}`;
      this.credentials.add(options.token);
    }
    if (options.cookie !== undefined) headers.cookie = options.cookie;
    if (options.body !== undefined) headers["content-type"] = "application/json";
    const method = options.method ?? "GET";
    const started = performance.now();
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    const exchange: Exchange = {
      label,
      method,
      path,
      status: response.status,
      headers: response.headers,
      text,
      json,
      ms: performance.now() - started,
    };
    this.exchanges.push(exchange);
    return exchange;
  }

  /** SPEC §6 over the whole run: every error has the one wire shape; no 5xx but 503. */
  assertErrorContract(): void {
    const problems: string[] = [];
    for (const e of this.exchanges) {
      const where = `${e.method} ${e.path} ${e.label} → ${e.status}`;
      if (e.status >= 500 && e.status !== 503) problems.push(`${where}: 5xx other than 503: ${e.text.slice(0, 200)}`);
      if (e.status < 400 || !e.path.startsWith("/api/")) continue;
      if (!isErrorBody(e.json))
        problems.push(`${where}: body is not {error:{code,message},requestId}: ${e.text.slice(0, 200)}`);
      if (e.headers.get("cache-control") !== "no-store")
        problems.push(`${where}: Cache-Control is ${e.headers.get("cache-control")}`);
      if (
        e.status === 503 &&
        (e.json?.error?.code !== "temporarily_unavailable" || !/^[1-9]\d*$/.test(e.headers.get("retry-after") ?? ""))
      ) {
        problems.push(`${where}: 503 without temporarily_unavailable and Retry-After`);
      }
    }
    assert.deepEqual(problems, [], `${problems.length} of ${this.exchanges.length} responses break the error contract`);
  }
}

function isErrorBody(body: unknown): boolean {
  if (typeof body !== "object" || body === null) return false;
  const { error, requestId, ...rest } = body as Record<string, unknown>;
  if (Object.keys(rest).length > 0 || typeof requestId !== "string" || requestId.length === 0) return false;
  if (typeof error !== "object" || error === null) return false;
  const { code, message, fields, ...extra } = error as Record<string, unknown>;
  if (Object.keys(extra).length > 0 || typeof code !== "string" || typeof message !== "string" || message.length === 0)
    return false;
  // Field details are part of the 422 contract only (SPEC §5: "Validation errors are 422 with field details").
  return fields === undefined || (code === "validation_failed" && Array.isArray(fields));
}

/**
 * Log hygiene: no credential, and no 16-character piece of one, appears in `log`. For a JWT the
 * payload and signature segments are checked (the header names only public facts such as the
 * kid); for anything else the whole value.
 */
export function leakedCredentialPieces(log: string, credentials: Iterable<string>): string[] {
  const WINDOW = 16;
  const grams = new Set<string>();
  for (const run of log.match(/[A-Za-z0-9_\-+/=.~]{16,}/g) ?? []) {
    for (let i = 0; i + WINDOW <= run.length; i++) grams.add(run.slice(i, i + WINDOW));
  }
  const leaks: string[] = [];
  for (const credential of credentials) {
    const parts = credential.split(".");
    const secretParts = parts.length === 3 ? [parts[1]!, parts[2]!] : [credential.replace(/^mcpr_/, "")];
    for (const part of secretParts) {
      for (let i = 0; i + WINDOW <= part.length; i++) {
        if (grams.has(part.slice(i, i + WINDOW))) {
          leaks.push(`${credential.slice(0, 24)}… (${part.slice(i, i + WINDOW)})`);
          break;
        }
      }
    }
  }
  return leaks;
}
