import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { EmulatorConfig } from "./config";
import type { GrantStore } from "./grant-store";
import type { SigningKeys } from "./signing-keys";
import { EntraError, errorBody } from "./errors";

/** What every endpoint handler needs. */
export interface EmulatorContext {
  config: EmulatorConfig;
  keys: SigningKeys;
  grants: GrantStore;
  /** The emulator's own origin, e.g. `https://localhost:3443`. */
  baseUrl: string;
}

const MAX_BODY_BYTES = 64 * 1024;

export class BodyTooLargeError extends Error {}

/** Reads an `application/x-www-form-urlencoded` body (anything else reads as empty, as Entra ignores it). */
export async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError("request body too large");
    chunks.push(chunk as Buffer);
  }
  const type = (req.headers["content-type"] ?? "").toLowerCase();
  if (!type.startsWith("application/x-www-form-urlencoded")) return new URLSearchParams();
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Cache-Control": "no-store, no-cache",
    Pragma: "no-cache",
    "X-Content-Type-Options": "nosniff",
    ...headers,
  });
  res.end(JSON.stringify(body));
}

/** Public metadata (discovery documents, keys) may be cached briefly, as Entra allows. */
export function sendPublicJson(res: ServerResponse, body: unknown): void {
  sendJson(res, 200, body, { "Cache-Control": "max-age=60, public", "Access-Control-Allow-Origin": "*" });
}

/** Pages carry no external assets; the only script (form_post) runs under a per-response nonce. */
export function sendHtml(res: ServerResponse, status: number, html: string, scriptNonce?: string): void {
  const scriptSrc = scriptNonce ? `'nonce-${scriptNonce}'` : "'none'";
  res.writeHead(status, {
    "Content-Type": "text/html; charset=utf-8",
    "Cache-Control": "no-store",
    "Content-Security-Policy": `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src ${scriptSrc}; base-uri 'none'; frame-ancestors 'none'`,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
  });
  res.end(html);
}

export function redirect(res: ServerResponse, location: string): void {
  res.writeHead(302, { Location: location, "Cache-Control": "no-store" });
  res.end();
}

/** Entra echoes the client's `client-request-id` header as the correlation id. */
export function correlationId(req: IncomingMessage): string {
  const header = req.headers["client-request-id"];
  const value = Array.isArray(header) ? header[0] : header;
  return value && /^[\w-]{1,64}$/.test(value) ? value : randomUUID();
}

export function sendEntraError(req: IncomingMessage, res: ServerResponse, err: EntraError): void {
  const body = errorBody(err, correlationId(req));
  sendJson(res, err.status, body, {
    "client-request-id": body.correlation_id,
    "x-ms-request-id": body.trace_id,
    ...(err.status === 401 ? { "WWW-Authenticate": 'Basic realm="entra-emulator"' } : {}),
  });
}

/** The request's URL; the path is kept as sent (never read as a host, even when it starts with `//`). */
export function requestUrl(req: IncomingMessage): URL {
  return new URL(`https://emulator.invalid${req.url?.startsWith("/") ? req.url : "/"}`);
}

export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  return address === "::1" || address.startsWith("127.") || address.startsWith("::ffff:127.");
}
