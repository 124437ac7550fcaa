/** Just enough JSON-RPC 2.0 for the gateway to route, authorize and answer MCP messages. */
export type JsonRpcId = string | number;

export interface JsonRpcRequest {
  jsonrpc: "2.0";
  id: JsonRpcId;
  method: string;
  params?: Record<string, unknown>;
}

export interface JsonRpcNotification {
  jsonrpc: "2.0";
  method: string;
  params?: Record<string, unknown>;
}

export interface JsonRpcResponse {
  jsonrpc: "2.0";
  id: JsonRpcId | null;
  result?: Record<string, unknown>;
  error?: { code: number; message: string; data?: unknown };
}

export type JsonRpcMessage = JsonRpcRequest | JsonRpcNotification | JsonRpcResponse;

/** Codes the gateway answers with (JSON-RPC's implementation-defined range, -32000 to -32099). */
export const RPC = {
  parseError: -32700,
  invalidRequest: -32600,
  invalidParams: -32602,
  /** The request timed out upstream (the SDK's RequestTimeout code). */
  upstreamTimeout: -32001,
  /** The caller's grants do not allow the method or the tool. */
  denied: -32003,
  /** The upstream server is unreachable, failed, or did not answer as MCP. */
  upstreamError: -32004,
} as const;

export function isRequest(message: JsonRpcMessage): message is JsonRpcRequest {
  return "method" in message && "id" in message && message.id !== undefined && message.id !== null;
}

export function isNotification(message: JsonRpcMessage): message is JsonRpcNotification {
  return "method" in message && !("id" in message && message.id !== undefined && message.id !== null);
}

export function isResponse(message: unknown): message is JsonRpcResponse {
  return (
    typeof message === "object" &&
    message !== null &&
    !("method" in message) &&
    "id" in message &&
    ("result" in message || "error" in message)
  );
}

export function rpcError(id: JsonRpcId | null, code: number, message: string, data?: unknown): JsonRpcResponse {
  return { jsonrpc: "2.0", id, error: data === undefined ? { code, message } : { code, message, data } };
}

/** One message's shape, or null when it is not a JSON-RPC 2.0 request, notification or response. */
export function asMessage(value: unknown): JsonRpcMessage | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const message = value as Record<string, unknown>;
  if (message.jsonrpc !== "2.0") return null;
  const id = message.id;
  const validId = typeof id === "string" || (typeof id === "number" && Number.isFinite(id));
  if (typeof message.method === "string") {
    if (id !== undefined && !validId) return null;
    if (message.params !== undefined && (typeof message.params !== "object" || message.params === null)) return null;
    return message as unknown as JsonRpcMessage;
  }
  if ((validId || id === null) && ("result" in message || "error" in message))
    return message as unknown as JsonRpcMessage;
  return null;
}

/** The id a request carries, for error answers; null when there is none to echo. */
export function idOf(value: unknown): JsonRpcId | null {
  if (typeof value !== "object" || value === null) return null;
  const id = (value as { id?: unknown }).id;
  return typeof id === "string" || typeof id === "number" ? id : null;
}
