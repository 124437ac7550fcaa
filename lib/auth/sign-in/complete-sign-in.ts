import { timingSafeEqual } from "node:crypto";
import { AuthError, type AuthenticationResult } from "@azure/msal-node";
import { createSession } from "@/lib/auth/sessions";
import type { RegistryConfig } from "@/lib/config";
import type { Db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { resolveEntraGroupIds } from "@/lib/auth/groups-overage/resolve-entra-group-ids";
import { log } from "@/lib/log";
import { recordSignIn } from "@/lib/iam/users/record-sign-in";
import type { PendingSignIn } from "./cookies";
import { SIGN_IN_SCOPES, callbackUrl, getMsalClient } from "./msal-client";
import { SignInError } from "./sign-in-error";

export interface CallbackParams {
  code: string | null;
  state: string | null;
  error: string | null;
}

function sameString(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function stringClaim(claims: Record<string, unknown>, name: string): string | undefined {
  const value = claims[name];
  return typeof value === "string" && value.length > 0 ? value : undefined;
}

function stringList(claims: Record<string, unknown>, name: string): string[] {
  const value = claims[name];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

async function redeemCode(config: RegistryConfig, code: string, pending: PendingSignIn): Promise<AuthenticationResult> {
  const client = getMsalClient(config);
  try {
    return await client.acquireTokenByCode(
      {
        code,
        scopes: SIGN_IN_SCOPES,
        redirectUri: callbackUrl(config),
        codeVerifier: pending.verifier,
        state: pending.state,
        nonce: pending.nonce,
      },
      { code, state: pending.state },
    );
  } catch (error) {
    const reason = error instanceof AuthError ? `msal ${error.errorCode}: ${error.errorMessage}` : String(error);
    throw new SignInError("failed", reason);
  }
}

/**
 * The callback leg: state check first (nothing is redeemed or created on a mismatch), then the
 * code redemption with the PKCE verifier, the ID token checks, the user record and a session.
 */
export async function completeSignIn(
  db: Db,
  config: RegistryConfig,
  params: CallbackParams,
  pending: PendingSignIn | null,
  requestId: string,
): Promise<{ sessionId: string; returnTo: string }> {
  if (!pending) throw new SignInError("state", "no pending sign-in cookie (expired, or started in another browser)");
  if (!params.state || !sameString(params.state, pending.state))
    throw new SignInError("state", "state does not match the pending sign-in");
  if (params.error)
    throw new SignInError(
      params.error === "access_denied" ? "cancelled" : "failed",
      `entra returned error=${params.error}`,
    );
  if (!params.code) throw new SignInError("failed", "callback without a code");

  const result = await redeemCode(config, params.code, pending);
  if (result.account)
    await getMsalClient(config)
      .getTokenCache()
      .removeAccount(result.account)
      .catch(() => undefined);

  // The ID token came straight from the token endpoint over TLS, authenticated with our client
  // secret (OIDC Core 3.1.3.7), so its signature is not re-verified; its binding to this
  // browser's sign-in (nonce), audience and tenant are.
  const claims = (result.idTokenClaims ?? {}) as Record<string, unknown>;
  const nonce = stringClaim(claims, "nonce");
  if (!nonce || !sameString(nonce, pending.nonce))
    throw new SignInError("state", "ID token nonce does not match the pending sign-in");
  if (stringClaim(claims, "aud")?.toLowerCase() !== config.entra.clientId)
    throw new SignInError("failed", "ID token audience is not the registry app");
  const tenantId = stringClaim(claims, "tid")?.toLowerCase();
  const objectId = stringClaim(claims, "oid")?.toLowerCase();
  if (!tenantId || !config.entra.tenantIds.includes(tenantId))
    throw new SignInError("tenant", `tenant ${tenantId ?? "(none)"} is not in ENTRA_TENANT_IDS`);
  if (!objectId) throw new SignInError("failed", "ID token has no oid claim");

  const email = stringClaim(claims, "email") ?? stringClaim(claims, "preferred_username") ?? null;
  // An ID token with the groups-overage marker: read the user's groups from SCIM or Graph. If that
  // fails, the user signs in with no Entra group ids (assignments and app roles still apply).
  const names = claims._claim_names;
  const overage = (typeof names === "object" && names !== null && "groups" in names) || claims.hasgroups === true;
  const entraGroups = await resolveEntraGroupIds(db, {
    tenantId,
    objectId,
    principalType: "user",
    groups: stringList(claims, "groups"),
    groupsOverage: overage,
  });
  if (!entraGroups.ok)
    log.warn("sign-in: groups overage lookup failed", { tenantId, objectId, reason: entraGroups.reason });
  let user;
  try {
    user = await recordSignIn(
      db,
      {
        tenantId,
        objectId,
        displayName: stringClaim(claims, "name") ?? email ?? objectId,
        email,
        groups: entraGroups.ids,
        roles: stringList(claims, "roles"),
      },
      requestId,
    );
  } catch (error) {
    if (isAppError(error) && error.code === "forbidden")
      throw new SignInError("disabled", `user ${tenantId}/${objectId} is disabled`);
    throw error;
  }
  const { sessionId } = await createSession(db, user.id, config.sessionTtlHours);
  return { sessionId, returnTo: pending.returnTo };
}
