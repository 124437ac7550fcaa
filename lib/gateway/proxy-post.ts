import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/error-response";
import { readIncomingText, readRequestText } from "@/lib/http/read-bounded";
import { log } from "@/lib/log";
import type { UsageOutcome } from "@/lib/usage/record-gateway-usage";
import { authorizeMessages, type MessageVerdict } from "./authorize-messages";
import { recordUsage, type GatewayCall } from "./gateway-call";
import { isRequest, RPC, rpcError, type JsonRpcResponse } from "./json-rpc";
import { observeJson } from "./observe-json";
import { ResponseWatch } from "./response-watch";
import { sseTransform } from "./sse-transform";
import { clientHeaders, fetchUpstream, isFailure, mediaType, upstreamHeaders } from "./upstream";

const MAX_BODY_BYTES = 4 * 1024 * 1024;

function rpcAnswer(answers: JsonRpcResponse[], batch: boolean, status = 200): Response {
  return new Response(JSON.stringify(batch ? answers : answers[0]), {
    status,
    headers: { "Content-Type": "application/json", "Cache-Control": "no-store" },
  });
}

/**
 * The gateway's own answer when the upstream failed: a JSON-RPC error for each forwarded
 * request (same ids), or a 502 when the POST carried only notifications.
 */
function upstreamFailed(
  call: GatewayCall,
  verdict: MessageVerdict,
  batch: boolean,
  detail: string,
  code: number = RPC.upstreamError,
): Response {
  log.warn("gateway upstream failed", { requestId: call.requestId, server: call.server.slug, detail });
  recordUsage(
    call,
    [...verdict.toolCalls.values()].map((tool) => ({ tool, outcome: "upstream_error", detail })),
  );
  const message = `The upstream MCP server ${call.server.slug} ${detail}.`;
  const requests = verdict.forward.filter(isRequest);
  if (requests.length === 0) return errorResponse(new AppError("bad_gateway", message), call.requestId);
  return rpcAnswer(
    requests.map((request) => rpcError(request.id, code, message, { reason: "upstream_error" })),
    batch,
  );
}

export async function proxyPost(call: GatewayCall, request: Request): Promise<Response> {
  const text = call.incoming
    ? await readIncomingText(call.incoming, MAX_BODY_BYTES)
    : await readRequestText(request, MAX_BODY_BYTES);
  if (text === null)
    return rpcAnswer([rpcError(null, RPC.invalidRequest, "The request body is larger than 4 MiB.")], false, 413);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return rpcAnswer([rpcError(null, RPC.parseError, "The request body is not valid JSON.")], false, 400);
  }
  const batch = Array.isArray(body);
  const verdict = authorizeMessages(call.access, call.server.slug, body);

  if (verdict.deniedToolCalls.length > 0) {
    log.warn("gateway denied tools/call", {
      requestId: call.requestId,
      server: call.server.slug,
      principal: call.principal.id,
      tools: verdict.deniedToolCalls.map((d) => d.tool),
    });
    recordUsage(
      call,
      verdict.deniedToolCalls.map((denied) => ({ tool: denied.tool, outcome: "denied", detail: denied.reason })),
    );
  }
  if (verdict.refusals.length > 0) {
    const malformed = verdict.refusals.every((refusal) => refusal.error?.code === RPC.invalidRequest);
    return rpcAnswer(verdict.refusals, batch, malformed ? 400 : 200);
  }
  if (call.server.transport !== "streamable-http") {
    return upstreamFailed(
      call,
      verdict,
      batch,
      `uses the legacy ${call.server.transport} transport, which the gateway does not proxy (only streamable-http)`,
    );
  }

  // Send what was authorized, not the caller's bytes: a parser that reads duplicate keys or
  // escapes differently upstream could otherwise see another method or tool than the one checked.
  const forwarded = JSON.stringify(batch ? verdict.forward : verdict.forward[0]);
  const upstream = await fetchUpstream(call.server.url, {
    method: "POST",
    headers: upstreamHeaders(request, call.credentials),
    body: forwarded,
    signal: request.signal,
  });
  if (isFailure(upstream)) {
    return upstream.kind === "timeout"
      ? upstreamFailed(call, verdict, batch, `did not answer in time (${upstream.detail})`, RPC.upstreamTimeout)
      : upstreamFailed(call, verdict, batch, `is unreachable (${upstream.detail})`);
  }
  return relayPostAnswer(call, verdict, batch, upstream);
}

async function relayPostAnswer(
  call: GatewayCall,
  verdict: MessageVerdict,
  batch: boolean,
  upstream: Response,
): Promise<Response> {
  const { status } = upstream;
  const fail = async (detail: string) => {
    await upstream.body?.cancel().catch(() => undefined);
    return upstreamFailed(call, verdict, batch, detail);
  };
  // Never relay an upstream's auth challenge: it would send the caller to the wrong authority.
  if (status === 401 || status === 403 || status === 407)
    return fail(`refused the gateway's upstream credentials (HTTP ${status})`);
  if (status >= 500 || (status >= 300 && status < 400)) return fail(`answered HTTP ${status}`);
  if (status >= 400) {
    // Protocol answers (unknown session 404, 400, 406, 415): the caller's client knows them.
    if (verdict.toolCalls.size > 0)
      recordUsage(
        call,
        [...verdict.toolCalls.values()].map((tool) => ({ tool, outcome: "upstream_error", detail: `HTTP ${status}` })),
      );
    return new Response(upstream.body, { status, headers: clientHeaders(upstream) });
  }
  if (status === 202 || status === 204 || upstream.body === null)
    return new Response(null, { status, headers: clientHeaders(upstream) });

  const watch = new ResponseWatch(call.access, call.server.slug, verdict.toolLists, verdict.toolCalls);
  watch.onToolCall = (outcome) => recordUsage(call, [outcome]);
  const finish = (detail: string, outcome?: UsageOutcome) => recordUsage(call, watch.unanswered(detail, outcome));
  const type = mediaType(upstream);
  if (type === "text/event-stream") {
    return new Response(
      upstream.body.pipeThrough(sseTransform(watch.inspect, () => finish("the event stream ended without an answer"))),
      { status, headers: clientHeaders(upstream) },
    );
  }
  if (type === "application/json") {
    const observed = await observeJson(upstream.body, watch, verdict.toolLists.size > 0, finish);
    if (observed === null)
      return upstreamFailed(call, verdict, batch, "answered with JSON that is not JSON-RPC, or broke off");
    return new Response(observed, { status, headers: clientHeaders(upstream) });
  }
  return fail(`answered ${type || "without a content type"}, not MCP`);
}
