import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { TOKEN_PREFIX } from "@/lib/tokens/token-secret";
import { verifyRegistryToken } from "@/lib/tokens/verify-registry-token";
import { extractCredential } from "./credential";
import { entraVerifier } from "./entra-verifier";
import type { Principal } from "./principal";
import { resolveEntraPrincipal } from "./resolve-entra-principal";
import { findSessionUser } from "./sessions";
import { loadUserGroups } from "./principal-groups";

export interface AuthRequest {
  authorization: string[];
  url: string;
  sessionCookie: string | undefined;
  isApiRoute: boolean;
}

/**
 * THE choke point: a request's credential → Principal, or the exact SPEC §6 error. Nothing
 * else reads the Authorization header or the session cookie.
 */
export async function authenticate(db: Db, request: AuthRequest): Promise<Principal> {
  const credential = extractCredential(request);
  if (credential.kind === "none") throw new AppError("unauthorized", "Authentication required: send a bearer token or sign in.");

  if (credential.kind === "session") {
    const user = await findSessionUser(db, credential.sessionId);
    if (!user) throw new AppError("unauthorized", "Your session has ended. Sign in again.", { reason: "session: unknown, expired or user disabled" });
    return {
      kind: "user",
      id: user.id,
      userId: user.id,
      displayName: user.displayName,
      via: "session",
      sessionId: credential.sessionId,
      groups: await loadUserGroups(db, user),
    };
  }

  // Route by form; never fall through from one validator to another.
  const token = credential.token;
  if (token.startsWith(TOKEN_PREFIX)) return verifyRegistryToken(db, token);
  const { verifier } = entraVerifier();
  if (verifier.isEntraToken(token)) return resolveEntraPrincipal(db, await verifier.verify(token));
  throw new AppError("invalid_token", "The access token is invalid.", { reason: "unrecognised token form or issuer" });
}
