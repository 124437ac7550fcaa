/**
 * Strict, unverified decoding of a compact JWS. Nothing decoded here is trusted until the
 * signature is checked; it is only used to route, to pick the key set and to reject early.
 */
export const MAX_TOKEN_CHARS = 12 * 1024;

export type JsonObject = Record<string, unknown>;

export interface JwtParts {
  header: JsonObject;
  payload: JsonObject;
  signature: string;
}

export type DecodeResult = { ok: true; parts: JwtParts } | { ok: false; reason: string };

const BASE64URL = /^[A-Za-z0-9_-]*$/;
const utf8 = new TextDecoder("utf-8", { fatal: true });

// Node's base64url decoder silently skips bad characters and padding; only the canonical
// encoding of some bytes is accepted so one token has exactly one reading.
function decodeBase64url(segment: string): Uint8Array | null {
  if (!BASE64URL.test(segment) || segment.length % 4 === 1) return null;
  const bytes = Buffer.from(segment, "base64url");
  return bytes.toString("base64url") === segment ? bytes : null;
}

function decodeJsonObject(segment: string): JsonObject | null {
  const bytes = decodeBase64url(segment);
  if (!bytes || bytes.length === 0) return null;
  try {
    const value: unknown = JSON.parse(utf8.decode(bytes));
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as JsonObject) : null;
  } catch {
    return null;
  }
}

export function decodeJwt(token: string): DecodeResult {
  if (token.length > MAX_TOKEN_CHARS) return { ok: false, reason: "token too large" };
  const segments = token.split(".");
  if (segments.length !== 3) return { ok: false, reason: "not a three-part JWT" };
  const [rawHeader, rawPayload, signature] = segments as [string, string, string];
  const header = decodeJsonObject(rawHeader);
  if (!header) return { ok: false, reason: "malformed header" };
  const payload = decodeJsonObject(rawPayload);
  if (!payload) return { ok: false, reason: "malformed payload" };
  if (signature.length > 0 && !decodeBase64url(signature)) return { ok: false, reason: "malformed signature" };
  return { ok: true, parts: { header, payload, signature } };
}
