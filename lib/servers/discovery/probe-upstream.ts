import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import type { Tool } from "@modelcontextprotocol/sdk/types.js";
import { AppError, isAppError } from "@/lib/errors";
import { log } from "@/lib/log";

/** One probe's whole budget: connecting, initialize, every tools/list page and closing. */
export const PROBE_TIMEOUT_MS = 10_000;
/** tools/list pages followed at most (an upstream whose cursor never ends is cut here). */
export const MAX_TOOL_PAGES = 20;

export type ProbeFailureKind = "unreachable" | "tls" | "timeout" | "http_status" | "auth_refused" | "not_mcp";

export interface ProbeTarget {
  url: string;
  transport: string;
  /** The server's opened upstream credential headers. Sent, never logged or returned. */
  headers: Record<string, string>;
}

export interface ProbeResult {
  /** initialize round trip, in milliseconds. */
  latencyMs: number;
  /** The upstream's tools when asked for (`listTools`), else null. */
  tools: Tool[] | null;
}

const TLS_CODES =
  /^(ERR_TLS_|ERR_SSL_|CERT_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_(GET|VERIFY)_|ERR_OSSL_)/;
const MCP_CONTENT_TYPES = /application\/json|text\/event-stream/i;

/**
 * A failed probe: always 502 bad_gateway, its kind in `reason` and a message built only from
 * the kind, the status and the error code — never from upstream text or request headers, so an
 * upstream credential cannot reach a response, the health record or a log line.
 */
export function probeFailure(kind: ProbeFailureKind, message: string): AppError {
  return new AppError("bad_gateway", message, { reason: kind });
}

export function probeFailureKind(error: AppError): ProbeFailureKind | null {
  return error.code === "bad_gateway" && typeof error.reason === "string" ? (error.reason as ProbeFailureKind) : null;
}

function errorCode(error: unknown): string | undefined {
  for (
    let current = error, depth = 0;
    current && typeof current === "object" && depth < 5;
    current = (current as { cause?: unknown }).cause, depth++
  ) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
  }
  return undefined;
}

function networkFailure(error: unknown, timedOut: boolean, timeoutMs: number): AppError {
  if (timedOut) return probeFailure("timeout", `The upstream did not answer within ${timeoutMs / 1000} s.`);
  const code = errorCode(error);
  if (code && TLS_CODES.test(code))
    return probeFailure(
      "tls",
      `The upstream's TLS certificate was refused (${code}). Use a certificate this registry trusts.`,
    );
  return probeFailure(
    "unreachable",
    `The upstream is unreachable${code ? ` (${code})` : ""}. Check the server URL and that the upstream is running.`,
  );
}

/**
 * Connects to an upstream as an MCP client, runs `initialize` and (when asked) every
 * `tools/list` page, then closes the session. Throws a probe failure (see `probeFailure`).
 */
export async function probeUpstream(
  target: ProbeTarget,
  options: { listTools: boolean; timeoutMs?: number },
): Promise<ProbeResult> {
  const timeoutMs = options.timeoutMs ?? PROBE_TIMEOUT_MS;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const signal = controller.signal;
  // The first failure seen at the HTTP layer explains whatever the SDK reports afterwards.
  let failure: AppError | null = null;
  const guardedFetch = async (url: string | URL, init?: RequestInit): Promise<Response> => {
    let response: Response;
    try {
      response = await fetch(url, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, signal]) : signal });
    } catch (error) {
      throw (failure ??= networkFailure(error, signal.aborted, timeoutMs));
    }
    const method = (init?.method ?? "GET").toUpperCase();
    // A Streamable HTTP upstream may refuse the optional GET stream (405) or session DELETE.
    const optional = target.transport === "streamable-http" && method !== "POST";
    if ((response.status === 401 || response.status === 403) && !optional) {
      failure ??= probeFailure(
        "auth_refused",
        `The upstream refused the registry's request (HTTP ${response.status}). Check this server's upstream credentials.`,
      );
    } else if (!response.ok && !optional) {
      failure ??= probeFailure("http_status", `The upstream answered HTTP ${response.status}.`);
    } else if (
      response.ok &&
      response.status !== 202 &&
      method !== "DELETE" &&
      !optional &&
      !MCP_CONTENT_TYPES.test(response.headers.get("content-type") ?? "")
    ) {
      failure ??= probeFailure(
        "not_mcp",
        `The upstream answered with ${response.headers.get("content-type") || "no content type"}, not MCP (JSON or an event stream). Check the server URL.`,
      );
    }
    return response;
  };

  const url = new URL(target.url);
  const transport: Transport =
    target.transport === "sse"
      ? new SSEClientTransport(url, { requestInit: { headers: target.headers }, fetch: guardedFetch })
      : new StreamableHTTPClientTransport(url, { requestInit: { headers: target.headers }, fetch: guardedFetch });
  const client = new Client({ name: "mcp-registry", version: "1.0.0" }, { capabilities: {} });
  const requestOptions = { signal, timeout: timeoutMs };
  const started = performance.now();
  let outcome = "up";
  try {
    await client.connect(transport, requestOptions);
    const latencyMs = Math.max(0, Math.round(performance.now() - started));
    if (!options.listTools) return { latencyMs, tools: null };
    const tools: Tool[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_TOOL_PAGES; page++) {
      const result = await client.listTools(cursor === undefined ? {} : { cursor }, requestOptions);
      tools.push(...result.tools);
      cursor = result.nextCursor;
      if (!cursor) return { latencyMs, tools };
    }
    throw probeFailure(
      "not_mcp",
      `The upstream's tools/list still had more pages after ${MAX_TOOL_PAGES}; the registry stops there.`,
    );
  } catch (error) {
    const thrown =
      failure ??
      (signal.aborted
        ? networkFailure(error, true, timeoutMs)
        : isAppError(error) && probeFailureKind(error)
          ? error
          : probeFailure(
              "not_mcp",
              "The upstream answered, but not as an MCP server (initialize or tools/list failed). Check the server URL and transport.",
            ));
    outcome = String(thrown.reason);
    throw thrown;
  } finally {
    // Never the headers, not even their names: the URL, the transport and the outcome.
    log.debug("upstream probe", {
      url: target.url,
      transport: target.transport,
      tools: options.listTools,
      outcome,
      ms: Math.round(performance.now() - started),
    });
    // Ending the session stays inside the budget: the timer is still armed while it runs.
    if (transport instanceof StreamableHTTPClientTransport && transport.sessionId && !signal.aborted)
      await transport.terminateSession().catch(() => {});
    clearTimeout(timer);
    controller.abort();
    await client.close().catch(() => {});
  }
}
