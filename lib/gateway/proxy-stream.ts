import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/error-response";
import { log } from "@/lib/log";
import type { GatewayCall } from "./gateway-call";
import { ResponseWatch } from "./response-watch";
import { sseTransform } from "./sse-transform";
import { clientHeaders, fetchUpstream, isFailure, mediaType, upstreamHeaders } from "./upstream";

function badGateway(call: GatewayCall, detail: string): Response {
  log.warn("gateway upstream failed", { requestId: call.requestId, server: call.server.slug, detail });
  return errorResponse(
    new AppError("bad_gateway", `The upstream MCP server ${call.server.slug} ${detail}.`),
    call.requestId,
  );
}

/**
 * GET (the server-to-client event stream) and DELETE (end the session): no JSON-RPC body to
 * authorize, so they pass for any caller who can see the server. A GET stream is still filtered:
 * with Last-Event-ID it may replay an earlier tools/list answer.
 */
export async function proxyStream(call: GatewayCall, request: Request): Promise<Response> {
  if (call.server.transport !== "streamable-http")
    return badGateway(call, `uses the legacy ${call.server.transport} transport, which the gateway does not proxy`);
  const upstream = await fetchUpstream(call.server.url, {
    method: request.method,
    headers: upstreamHeaders(request, call.credentials),
    signal: request.signal,
  });
  if (isFailure(upstream))
    return badGateway(
      call,
      upstream.kind === "timeout"
        ? `did not answer in time (${upstream.detail})`
        : `is unreachable (${upstream.detail})`,
    );

  const { status } = upstream;
  if (status === 401 || status === 403 || status === 407 || status >= 500 || (status >= 300 && status < 400)) {
    await upstream.body?.cancel().catch(() => undefined);
    return badGateway(
      call,
      status < 500 && status >= 400
        ? `refused the gateway's upstream credentials (HTTP ${status})`
        : `answered HTTP ${status}`,
    );
  }
  const headers = clientHeaders(upstream);
  if (status >= 400 || request.method !== "GET" || upstream.body === null)
    return new Response(upstream.body, { status, headers });
  if (mediaType(upstream) !== "text/event-stream") {
    await upstream.body.cancel().catch(() => undefined);
    return badGateway(call, `answered ${mediaType(upstream) || "without a content type"} to GET, not an event stream`);
  }
  const watch = new ResponseWatch(call.access, call.server.slug, new Set(), new Map(), true);
  return new Response(upstream.body.pipeThrough(sseTransform(watch.inspect, () => undefined)), { status, headers });
}
