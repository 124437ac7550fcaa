import { AppError, isAppError } from "@/lib/errors";
import { fingerprintOfHash, tokenHash } from "./token-fingerprint";

/**
 * SPEC §2.3 step 1: the only place that reads the Authorization header. It decides which
 * credential a request carries, or that the request is malformed (400 invalid_request).
 */
export type Credential = { kind: "none" } | BearerCredential | { kind: "session"; sessionId: string };

export interface BearerCredential {
  kind: "bearer";
  token: string;
  /** SHA-256 of the token (hex), hashed once per request: the principal cache's key. */
  hash: string;
  /** What logs and the audit log show of the token (lib/auth/token-fingerprint.ts), never the token. */
  fingerprint: string;
}

export interface CredentialInput {
  /** Every Authorization header value, as received (e.g. Node's `req.headersDistinct.authorization`). */
  authorization: string[];
  /** The request URL (absolute, or a path with query). */
  url: string;
  sessionCookie: string | undefined;
  isApiRoute: boolean;
}

export const MAX_AUTHORIZATION_HEADER_BYTES = 12 * 1024;

const SCHEME = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+)(.*)$/s;
// Exactly: one or more SP, then a token68. A tab or any other separator is bad syntax.
const BEARER_REST = /^ +([A-Za-z0-9\-._~+/]+=*)$/;
const QUERY_TOKEN_PARAMS = ["access_token", "token"];

/**
 * What a caller must fix, per cause. A 400 says what is wrong with the request's shape; unlike a
 * 401 it reveals nothing about any token's validity, so it can be specific.
 */
const BAD_REQUEST_MESSAGES = {
  "unparseable url": "The request URL cannot be parsed.",
  "authorization header too large": "The Authorization header is larger than 12 KiB.",
  "empty authorization header": "The Authorization header is empty. Send `Authorization: Bearer <token>`.",
  "bad authorization syntax": "The Authorization header is malformed. Send `Authorization: Bearer <token>`.",
  "empty bearer token":
    "The bearer token is empty: the Authorization header says `Bearer` but no token follows. Check that the variable holding the token is set.",
  "bad bearer syntax":
    "The bearer token is malformed: send `Bearer`, one space, then the token (no quotes, tabs or commas).",
  "token in query string": "Tokens are not accepted in the URL. Send it in the Authorization header.",
  "multiple authorization headers": "The request carries more than one Authorization header. Send exactly one.",
  "authorization header and session cookie":
    "The request carries both a bearer token and a session cookie. Send one credential.",
} as const;

function badRequest(reason: keyof typeof BAD_REQUEST_MESSAGES): AppError {
  return new AppError("invalid_request", BAD_REQUEST_MESSAGES[reason], { reason });
}

function hasQueryToken(url: string): boolean {
  let params: URLSearchParams;
  try {
    params = new URL(url, "http://localhost").searchParams;
  } catch {
    throw badRequest("unparseable url");
  }
  return QUERY_TOKEN_PARAMS.some((name) => params.has(name));
}

/** Returns the bearer token, null for another scheme, or throws for malformed syntax. */
function parseAuthorization(value: string): string | null {
  if (Buffer.byteLength(value, "utf8") > MAX_AUTHORIZATION_HEADER_BYTES) {
    throw badRequest("authorization header too large");
  }
  // Only the field's own surrounding whitespace (RFC 9110 OWS) is not part of the credential.
  const field = value.replace(/^[ \t]+|[ \t]+$/g, "");
  if (field.length === 0) throw badRequest("empty authorization header");
  const match = SCHEME.exec(field);
  if (!match) throw badRequest("bad authorization syntax");
  const [, scheme, rest = ""] = match;
  if (scheme?.toLowerCase() !== "bearer") return null;
  if (rest.trim().length === 0) throw badRequest("empty bearer token");
  const token = BEARER_REST.exec(rest)?.[1];
  if (!token) throw badRequest("bad bearer syntax");
  return token;
}

export function extractCredential(input: CredentialInput): Credential {
  // Tokens in URLs end up in logs, history and Referer headers: refuse them outright.
  if (hasQueryToken(input.url)) throw badRequest("token in query string");
  if (input.authorization.length > 1) throw badRequest("multiple authorization headers");

  const header = input.authorization[0];
  const token = header === undefined ? null : parseAuthorization(header);
  const sessionId = input.sessionCookie ? input.sessionCookie : undefined;

  if (token !== null && sessionId !== undefined) {
    // Two credentials on an API route are ambiguous about who acts: refuse instead of picking one.
    if (input.isApiRoute) {
      const refused = badRequest("authorization header and session cookie");
      refused.tokenFingerprint = fingerprintOfHash(tokenHash(token));
      throw refused;
    }
    // Pages are cookie-authenticated; a bearer header there never selects the identity.
    return { kind: "session", sessionId };
  }
  if (token !== null) {
    const hash = tokenHash(token);
    return { kind: "bearer", token, hash, fingerprint: fingerprintOfHash(hash) };
  }
  if (sessionId !== undefined) return { kind: "session", sessionId };
  return { kind: "none" };
}

/**
 * The credential's fingerprint on a failure that happened after it was read, so the audit of a
 * 401/403 names the token without anyone re-parsing the Authorization header.
 */
export function withCredentialFingerprint(error: unknown, credential: Credential): unknown {
  if (isAppError(error) && credential.kind === "bearer") error.tokenFingerprint = credential.fingerprint;
  return error;
}
