import { compactVerify } from "jose";
import { AppError } from "@/lib/errors";
import { checkAudience, checkTimes, classifyCaller, type VerifiedEntraToken } from "./entra-claims";
import { buildIssuerMap, jwksUrlFor, type EntraCloud } from "./issuers";
import type { JwksCache } from "./jwks-cache";
import { decodeJwt, type JsonObject } from "./jwt-parts";

export type { VerifiedEntraApp, VerifiedEntraDelegated, VerifiedEntraToken } from "./entra-claims";

export interface EntraTokenVerifierOptions {
  tenantIds: string[];
  /** The registry API's app (client) id: the audience `A`. */
  clientId: string;
  /** Extra accepted audiences; `A` and `api://A` are always accepted. */
  appIdUris: string[];
  cloud: EntraCloud;
  /** Where key sets are fetched from (ENTRA_AUTHORITY_HOST); validated by the caller. */
  authorityHost: string;
  /** App-only tokens must carry this value in `roles`. */
  requireAppRole?: string;
  keys: JwksCache;
  /** Milliseconds since the epoch. */
  now?: () => number;
}

export interface EntraTokenVerifier {
  /** Three-part JWT whose unverified `iss` is a configured issuer. Never throws, no I/O. */
  isEntraToken(token: string): boolean;
  /** SPEC §2.3 steps 3–7. Throws AppError invalid_token (401), forbidden (403) or temporarily_unavailable (503). */
  verify(token: string): Promise<VerifiedEntraToken>;
}

const INVALID_TOKEN_MESSAGE = "The access token is invalid.";
const KID = /^[\x20-\x7e]{1,128}$/;
// These headers name keys or key locations chosen by whoever made the token. Real Entra tokens
// never carry them, so their presence is rejected outright (and nothing in them is fetched).
const FORBIDDEN_HEADERS = ["jku", "x5u", "jwk", "x5c"] as const;

function invalid(reason: string): AppError {
  return new AppError("invalid_token", INVALID_TOKEN_MESSAGE, { reason });
}

/** A short, log-safe rendering of an attacker-controlled value. */
function shown(value: unknown): string {
  return (JSON.stringify(value) ?? String(value)).slice(0, 40);
}

function checkHeader(header: JsonObject): string | null {
  // alg is pinned before any key is touched: `none`, HS256 keyed with our RSA public key, and
  // every other algorithm die here.
  if (header.alg !== "RS256") return `alg not allowed: ${shown(header.alg)}`;
  for (const name of FORBIDDEN_HEADERS) {
    if (name in header) return `header ${name} not allowed`;
  }
  // `crit`/`b64` would change what the signature covers (RFC 7797); Entra never sends them.
  if ("crit" in header || "b64" in header) return "header crit/b64 not allowed";
  if (header.kid === undefined) return "kid missing";
  if (typeof header.kid !== "string" || !KID.test(header.kid)) return "kid invalid";
  return null;
}

export function createEntraTokenVerifier(options: EntraTokenVerifierOptions): EntraTokenVerifier {
  const issuers = buildIssuerMap(options.cloud, options.tenantIds);
  const now = options.now ?? Date.now;
  const audiences = new Set([options.clientId, `api://${options.clientId}`, ...options.appIdUris]);

  function isEntraToken(token: string): boolean {
    try {
      const decoded = decodeJwt(token);
      return decoded.ok && typeof decoded.parts.payload.iss === "string" && issuers.has(decoded.parts.payload.iss);
    } catch {
      return false;
    }
  }

  async function verify(token: string): Promise<VerifiedEntraToken> {
    const decoded = decodeJwt(token);
    if (!decoded.ok) throw invalid(decoded.reason);
    const { header, payload } = decoded.parts;

    const issuer = typeof payload.iss === "string" ? issuers.get(payload.iss) : undefined;
    if (!issuer) throw invalid("issuer not allowed");
    if (payload.tid !== issuer.tenantId) throw invalid("tid does not match issuer tenant");
    if (payload.ver !== (issuer.version === 1 ? "1.0" : "2.0")) throw invalid("ver does not match issuer form");

    const headerProblem = checkHeader(header);
    if (headerProblem) throw invalid(headerProblem);
    if (decoded.parts.signature.length === 0) throw invalid("signature missing");

    const jwksUrl = jwksUrlFor(options.authorityHost, issuer.tenantId, issuer.version);
    const key = await options.keys.getKey(jwksUrl, header.kid as string);
    try {
      await compactVerify(token, key, { algorithms: ["RS256"] });
    } catch {
      throw invalid("signature invalid");
    }

    const timeProblem = checkTimes(payload, Math.floor(now() / 1000));
    if (timeProblem) throw invalid(timeProblem);
    const audienceProblem = checkAudience(payload, audiences);
    if (audienceProblem) throw invalid(audienceProblem);

    const caller = classifyCaller(payload, issuer.tenantId, issuer.version);
    if (!caller.ok) throw invalid(caller.reason);
    const required = options.requireAppRole;
    if (required !== undefined && caller.token.kind === "app" && !caller.token.roles.includes(required)) {
      throw new AppError("forbidden", "The calling application lacks a required app role.", {
        reason: `app role ${shown(required)} missing`,
      });
    }
    return caller.token;
  }

  return { isEntraToken, verify };
}
