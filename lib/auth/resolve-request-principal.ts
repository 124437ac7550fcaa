import type { EffectiveAccess } from "@/lib/access/effective-access";
import { loadAccess } from "@/lib/access/load-access";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authenticate, type AuthRequest } from "./authenticate";
import type { Credential } from "./credential";
import { extractCredential, withCredentialFingerprint } from "./credential";
import { readIamGeneration } from "./iam-generation";
import type { Principal } from "./principal";
import { PrincipalCache } from "./principal-cache";
import { hashSessionId } from "./sessions";
import { touchLastUsed } from "./touch-last-used";

const globalForCache = globalThis as unknown as { __principalCache?: PrincipalCache };
const cache = (globalForCache.__principalCache ??= new PrincipalCache());

/**
 * THE choke point: a request's credential → Principal and its effective access, or the exact
 * SPEC §6 error. Nothing else reads the Authorization header or the session cookie. A principal
 * resolved earlier is reused only while the IAM generation is unchanged and the credential is
 * still valid, so every change is seen on the next request.
 */
export async function resolveRequestPrincipal(
  db: Db,
  request: AuthRequest,
  now = Date.now(),
): Promise<ResolvedPrincipal> {
  const credential = extractCredential(request);
  if (credential.kind === "none")
    throw new AppError("unauthorized", "Authentication required: send a bearer token or sign in.");
  const tokenFingerprint = credential.kind === "bearer" ? credential.fingerprint : undefined;
  try {
    return { ...(await resolve(db, credential, now)), tokenFingerprint };
  } catch (error) {
    throw withCredentialFingerprint(error, credential);
  }
}

export interface ResolvedPrincipal {
  principal: Principal;
  access: EffectiveAccess;
  generation: number;
  /** The bearer token's fingerprint (none for a session), for auditing a later refusal. */
  tokenFingerprint: string | undefined;
}

async function resolve(db: Db, credential: Exclude<Credential, { kind: "none" }>, now: number) {
  const key = credential.kind === "session" ? `s:${hashSessionId(credential.sessionId)}` : `b:${credential.hash}`;

  const generation = await readIamGeneration(db);
  const cached = cache.get(key, generation, now);
  if (cached) {
    cached.lastUsedWrittenAt = await touchLastUsed(db, cached.principal, cached.lastUsedWrittenAt, now);
    return { principal: cached.principal, access: cached.access, generation };
  }
  const { principal, validUntil } = await authenticate(db, credential, now);
  const access = await loadAccess(db, principal);
  const lastUsedWrittenAt = await touchLastUsed(db, principal, Number.NEGATIVE_INFINITY, now);
  cache.set(key, { principal, access, generation, validUntil, lastUsedWrittenAt });
  return { principal, access, generation };
}
