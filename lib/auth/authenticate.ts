import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { PROVISIONING_PREFIX } from "@/lib/iam/provisioning-tokens/provisioning-secret";
import { TOKEN_PREFIX } from "@/lib/tokens/token-secret";
import { verifyRegistryToken } from "@/lib/tokens/verify-registry-token";
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

export interface Authenticated {
  principal: Principal;
  /** Epoch ms until which the credential itself stays valid (expiry, session end, grace). */
  validUntil: number;
}

/**
 * A present credential → Principal, or the exact SPEC §6 error. Called only by
 * `resolveRequestPrincipal` (lib/auth/resolve-request-principal.ts), the one choke point.
 */
export async function authenticate(
  db: Db,
  credential: { kind: "bearer"; token: string } | { kind: "session"; sessionId: string },
  now = Date.now(),
): Promise<Authenticated> {
  if (credential.kind === "session") {
    const user = await findSessionUser(db, credential.sessionId, now);
    if (!user)
      throw new AppError("unauthorized", "Your session has ended. Sign in again.", {
        reason: "session: unknown, expired or user disabled",
      });
    const principal: Principal = {
      kind: "user",
      id: user.id,
      userId: user.id,
      displayName: user.displayName,
      via: "session",
      sessionId: credential.sessionId,
      groups: await loadUserGroups(db, user),
    };
    return { principal, validUntil: user.sessionExpiresAt.getTime() };
  }

  // Route by form; never fall through from one validator to another.
  const token = credential.token;
  if (token.startsWith(TOKEN_PREFIX)) return verifyRegistryToken(db, token, new Date(now));
  // A provisioning secret is accepted only by /scim/v2 (lib/auth/verify-provisioning-token.ts).
  if (token.startsWith(PROVISIONING_PREFIX))
    throw new AppError("invalid_token", "The access token is invalid.", {
      reason: "provisioning secret outside /scim/v2",
    });
  const { verifier } = entraVerifier();
  if (verifier.isEntraToken(token)) {
    const verified = await verifier.verify(token);
    return { principal: await resolveEntraPrincipal(db, verified), validUntil: verified.expiresAt * 1000 };
  }
  throw new AppError("invalid_token", "The access token is invalid.", { reason: "unrecognised token form or issuer" });
}
