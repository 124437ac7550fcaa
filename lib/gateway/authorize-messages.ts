import { canCallMethod, canSeeTool, type EffectiveAccess } from "@/lib/access/effective-access";
import {
  asMessage,
  idOf,
  isRequest,
  RPC,
  rpcError,
  type JsonRpcId,
  type JsonRpcMessage,
  type JsonRpcResponse,
} from "./json-rpc";

/** Bounds the work (and the usage rows) one POST can cause. MCP clients send one message at a time. */
const MAX_BATCH = 100;

/** Ids are strings or numbers: keep 1 and "1" apart. */
export const idKey = (id: JsonRpcId | null): string => `${typeof id}:${String(id)}`;

export interface DeniedToolCall {
  tool: string;
  reason: string;
}

export interface MessageVerdict {
  /** The messages to send upstream (empty when anything was refused). */
  forward: JsonRpcMessage[];
  /** Answers the gateway gives itself, one per refused (or, in a refused batch, unsent) request. */
  refusals: JsonRpcResponse[];
  deniedToolCalls: DeniedToolCall[];
  /** Forwarded tools/call requests: id key → tool name (for usage records). */
  toolCalls: Map<string, string>;
  /** Forwarded tools/list requests' id keys (their answers are filtered). */
  toolLists: Set<string>;
}

function notGranted(method: string, slug: string): string {
  return `Method ${method} is not granted to you on server ${slug}. Ask a registry admin for a group rule that lists it.`;
}

/**
 * Checks every message of a POST body against the caller's grants (SPEC §3, §5.1). Lifecycle
 * methods and notifications pass on a visible server; other methods need a rule; tools/call also
 * needs the tool. Fail closed: a batch with any refused or malformed element is not sent at all,
 * so a denied call can never ride along with an allowed one.
 */
export function authorizeMessages(access: EffectiveAccess, slug: string, body: unknown): MessageVerdict {
  const batch = Array.isArray(body);
  const values = batch ? (body as unknown[]) : [body];
  const verdict: MessageVerdict = {
    forward: [],
    refusals: [],
    deniedToolCalls: [],
    toolCalls: new Map(),
    toolLists: new Set(),
  };
  if (values.length === 0) {
    verdict.refusals.push(rpcError(null, RPC.invalidRequest, "An empty JSON-RPC batch is not a request."));
    return verdict;
  }
  if (values.length > MAX_BATCH) {
    verdict.refusals.push(
      rpcError(null, RPC.invalidRequest, `A JSON-RPC batch may hold at most ${MAX_BATCH} messages.`),
    );
    return verdict;
  }

  const refusedAt = new Map<number, JsonRpcResponse>();
  values.forEach((value, index) => {
    const message = asMessage(value);
    if (!message) {
      refusedAt.set(index, rpcError(idOf(value), RPC.invalidRequest, "Not a JSON-RPC 2.0 message."));
      return;
    }
    // Notifications (initialized, cancelled, progress, roots/list_changed) and the client's
    // answers to server requests carry no grantable action.
    if (!isRequest(message)) return;
    if (!canCallMethod(access, slug, message.method)) {
      refusedAt.set(
        index,
        rpcError(message.id, RPC.denied, notGranted(message.method, slug), {
          reason: "method_not_granted",
          method: message.method,
        }),
      );
      if (message.method === "tools/call")
        verdict.deniedToolCalls.push({ tool: toolName(message.params) ?? "", reason: "method_not_granted" });
      return;
    }
    if (message.method === "tools/call") {
      const tool = toolName(message.params);
      if (tool === undefined) {
        refusedAt.set(
          index,
          rpcError(message.id, RPC.invalidParams, "tools/call needs params.name (the tool to call)."),
        );
        return;
      }
      // The same answer whether the tool exists upstream or not: nothing about it is revealed.
      if (!canSeeTool(access, slug, tool)) {
        refusedAt.set(
          index,
          rpcError(message.id, RPC.denied, `Tool ${tool} is not available to you on server ${slug}.`, {
            reason: "tool_not_granted",
            tool,
          }),
        );
        verdict.deniedToolCalls.push({ tool, reason: "tool_not_granted" });
      }
    }
  });

  if (refusedAt.size > 0) {
    values.forEach((value, index) => {
      const refusal = refusedAt.get(index);
      if (refusal) verdict.refusals.push(refusal);
      else {
        const message = asMessage(value);
        if (message && isRequest(message))
          verdict.refusals.push(
            rpcError(message.id, RPC.denied, "Not sent: another message in this batch was refused.", {
              reason: "batch_refused",
            }),
          );
      }
    });
    return verdict;
  }

  for (const value of values) {
    const message = value as JsonRpcMessage;
    verdict.forward.push(message);
    if (!isRequest(message)) continue;
    if (message.method === "tools/call") verdict.toolCalls.set(idKey(message.id), toolName(message.params)!);
    if (message.method === "tools/list") verdict.toolLists.add(idKey(message.id));
  }
  return verdict;
}

function toolName(params: Record<string, unknown> | undefined): string | undefined {
  const name = params?.name;
  return typeof name === "string" && name.length > 0 ? name : undefined;
}
