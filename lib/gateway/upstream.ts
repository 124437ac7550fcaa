import { getConfig } from "@/lib/config";

/**
 * The only caller headers that reach an upstream server. Everything else — above all
 * Authorization and Cookie, the caller's registry credentials — stays at the gateway.
 */
const FORWARDED_REQUEST_HEADERS = ["content-type", "accept", "mcp-session-id", "mcp-protocol-version", "last-event-id"];

/** The only upstream headers the caller sees (no Set-Cookie, no WWW-Authenticate from upstream). */
const RETURNED_RESPONSE_HEADERS = ["content-type", "mcp-session-id", "mcp-protocol-version"];

export type UpstreamFailure = { kind: "timeout" | "unreachable"; detail: string };

export function upstreamHeaders(request: Request, credentials: Record<string, string>): Headers {
  const headers = new Headers();
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = request.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  // Credential names never collide with the forwarded ones (lib/servers/upstream-credentials/schemas.ts).
  for (const [name, value] of Object.entries(credentials)) headers.set(name, value);
  return headers;
}

export function clientHeaders(upstream: Response, extra: Record<string, string> = {}): Headers {
  const headers = new Headers({ "Cache-Control": "no-store", ...extra });
  for (const name of RETURNED_RESPONSE_HEADERS) {
    const value = upstream.headers.get(name);
    if (value !== null && !headers.has(name)) headers.set(name, value);
  }
  return headers;
}

/**
 * Calls the upstream, waiting at most REGISTRY_GATEWAY_TIMEOUT_MS for its response headers.
 * After that the body streams for as long as it lasts (a long tool call, a GET event stream);
 * the caller going away cancels it.
 */
export async function fetchUpstream(url: string, init: { method: string; headers: Headers; body?: string; signal?: AbortSignal }): Promise<Response | UpstreamFailure> {
  const timeoutMs = getConfig().gatewayTimeoutMs;
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), timeoutMs);
  const signal = init.signal ? AbortSignal.any([init.signal, timeout.signal]) : timeout.signal;
  try {
    return await fetch(url, { method: init.method, headers: init.headers, body: init.body, signal, redirect: "manual" });
  } catch (error) {
    if (timeout.signal.aborted) return { kind: "timeout", detail: `no answer within ${timeoutMs} ms` };
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return { kind: "unreachable", detail: cause ?? (error instanceof Error ? error.name : "fetch failed") };
  } finally {
    clearTimeout(timer);
  }
}

export function isFailure(value: Response | UpstreamFailure): value is UpstreamFailure {
  return typeof (value as Partial<UpstreamFailure>).kind === "string";
}

export function mediaType(response: Response): string {
  return (response.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
}
