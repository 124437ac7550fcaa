import type { JsonObject } from "./jwt-parts";
import type { EntraTokenVersion } from "./issuers";

/** SPEC §2.3 steps 6–7 on an already signature-checked payload. Returns a failure reason or a caller. */
export const CLOCK_SKEW_SECONDS = 60;
export const MAX_LIFETIME_SECONDS = 24 * 60 * 60;

interface CallerBase {
  tenantId: string;
  objectId: string;
  appId: string;
  roles: string[];
  groups: string[];
  /** The token says it has more groups than it carries (`_claim_names.groups` or `hasgroups`). */
  groupsOverage: boolean;
  version: EntraTokenVersion;
  /** Seconds since the epoch. */
  expiresAt: number;
}

export interface VerifiedEntraApp extends CallerBase {
  kind: "app";
}

export interface VerifiedEntraDelegated extends CallerBase {
  kind: "delegated";
  scopes: string[];
}

export type VerifiedEntraToken = VerifiedEntraApp | VerifiedEntraDelegated;

export type ClaimsResult = { ok: true; token: VerifiedEntraToken } | { ok: false; reason: string };

const isTime = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);

export function checkTimes(payload: JsonObject, nowSeconds: number): string | null {
  const { exp, iat, nbf } = payload;
  if (!isTime(exp)) return "exp missing or not a number";
  if (!isTime(iat)) return "iat missing or not a number";
  if (nbf !== undefined && !isTime(nbf)) return "nbf not a number";
  if (nowSeconds >= exp + CLOCK_SKEW_SECONDS) return "token expired";
  if (nbf !== undefined && nbf > nowSeconds + CLOCK_SKEW_SECONDS) return "token not yet valid";
  if (iat > nowSeconds + CLOCK_SKEW_SECONDS) return "iat in the future";
  if (exp <= iat) return "exp not after iat";
  if (exp - iat > MAX_LIFETIME_SECONDS) return "lifetime over 24 h";
  return null;
}

// An array `aud` is rejected even when it contains our audience: Entra access tokens carry a
// single audience, and a multi-audience token is meant for (and replayable by) someone else.
export function checkAudience(payload: JsonObject, accepted: ReadonlySet<string>): string | null {
  if (typeof payload.aud !== "string") return "aud not a single string";
  return accepted.has(payload.aud) ? null : "aud mismatch";
}

function stringArray(value: unknown): string[] | null {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((item) => typeof item === "string")) return null;
  return value as string[];
}

function hasGroupsOverage(payload: JsonObject): boolean {
  const names = payload._claim_names;
  const overage = typeof names === "object" && names !== null && "groups" in names;
  return overage || payload.hasgroups === true;
}

export function classifyCaller(payload: JsonObject, tenantId: string, version: EntraTokenVersion): ClaimsResult {
  const { oid, sub, scp, idtyp } = payload;
  if (typeof oid !== "string" || oid.length === 0) return { ok: false, reason: "oid missing" };
  const appId = version === 2 ? payload.azp : payload.appid;
  if (typeof appId !== "string" || appId.length === 0) {
    return { ok: false, reason: version === 2 ? "azp missing" : "appid missing" };
  }
  const roles = stringArray(payload.roles);
  if (!roles) return { ok: false, reason: "roles malformed" };
  const groups = stringArray(payload.groups);
  if (!groups) return { ok: false, reason: "groups malformed" };
  if (scp !== undefined && typeof scp !== "string") return { ok: false, reason: "scp malformed" };
  if (idtyp !== undefined && typeof idtyp !== "string") return { ok: false, reason: "idtyp malformed" };
  const expiresAt = payload.exp as number;
  const base = {
    tenantId,
    objectId: oid,
    appId,
    roles,
    groups,
    groupsOverage: hasGroupsOverage(payload),
    version,
    expiresAt,
  };

  // A token that claims to be app-only and also carries delegated scopes is contradictory: reject
  // rather than guess which identity it acts as.
  if (idtyp === "app" && scp !== undefined) return { ok: false, reason: "idtyp app with scp" };
  if (idtyp === "app" || (scp === undefined && oid === sub)) return { ok: true, token: { kind: "app", ...base } };
  if (typeof scp === "string") {
    const scopes = scp.split(" ").filter((scope) => scope.length > 0);
    if (scopes.length === 0) return { ok: false, reason: "scp empty" };
    return { ok: true, token: { kind: "delegated", ...base, scopes } };
  }
  return { ok: false, reason: "neither app-only nor delegated" };
}
