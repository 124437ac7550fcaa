import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { EmulatorTenant } from "./config";
import type { AuthorizationCodeGrant } from "./grant-store";
import type { EmulatorContext } from "./http";
import { authenticateClient } from "./client-auth";
import { findUser } from "./directory";
import { entraErrors } from "./errors";
import { type TokenResponse, issueUserTokens } from "./issue-tokens";
import { OIDC_SCOPES, parseDelegatedScopes } from "./scopes";

function oidcScopesOf(scopes: string[]): string[] {
  return scopes.map((s) => s.toLowerCase()).filter((s) => OIDC_SCOPES.includes(s));
}

function checkPkce(grant: AuthorizationCodeGrant, verifier: string | null): void {
  if (!grant.codeChallenge) return;
  if (!verifier) throw entraErrors.verifierMissing();
  const computed =
    grant.codeChallengeMethod === "plain" ? verifier : createHash("sha256").update(verifier).digest("base64url");
  const a = Buffer.from(computed);
  const b = Buffer.from(grant.codeChallenge);
  if (a.length !== b.length || !timingSafeEqual(a, b)) throw entraErrors.verifierMismatch();
}

/** `grant_type=authorization_code`: redeems a single-use code issued by the authorize endpoint. */
export function redeemAuthorizationCode(
  ctx: EmulatorContext,
  req: IncomingMessage,
  form: URLSearchParams,
  tenant: EmulatorTenant,
): TokenResponse {
  const client = authenticateClient(req, form, tenant, { allowPublic: true });
  const code = form.get("code");
  if (!code) throw entraErrors.missingParameter("code");
  const taken = ctx.grants.takeCode(code);
  if ("problem" in taken) {
    if (taken.problem === "expired") throw entraErrors.codeExpired();
    if (taken.problem === "redeemed") throw entraErrors.codeRedeemed();
    throw entraErrors.codeUnknown();
  }
  const grant = taken.grant;
  if (grant.tenantId !== tenant.id || grant.clientId !== client.clientId) throw entraErrors.codeOtherClient();
  if (form.get("redirect_uri") !== grant.redirectUri) throw entraErrors.redirectMismatch();
  checkPkce(grant, form.get("code_verifier"));
  const user = findUser(tenant, grant.userObjectId);
  if (!user) throw entraErrors.userNotFound();
  // The token request may name the resource again (MSAL does); otherwise the sign-in's scopes apply.
  const scopes = parseDelegatedScopes(tenant, client, form.get("scope") || grant.scopes.join(" "));
  const oidcScopes = oidcScopesOf(grant.scopes);
  const refreshToken = oidcScopes.includes("offline_access")
    ? ctx.grants.issueRefreshToken({
        tenantId: tenant.id,
        clientId: client.clientId,
        userObjectId: user.objectId,
        oidcScopes,
      })
    : undefined;
  return issueUserTokens(ctx, {
    tenant,
    client,
    user,
    scopes,
    withIdToken: oidcScopes.includes("openid"),
    nonce: grant.nonce,
    refreshToken,
  });
}

/** `grant_type=refresh_token`: new tokens for any resource, and a new refresh token (the old one is revoked). */
export function redeemRefreshToken(
  ctx: EmulatorContext,
  req: IncomingMessage,
  form: URLSearchParams,
  tenant: EmulatorTenant,
): TokenResponse {
  const client = authenticateClient(req, form, tenant, { allowPublic: true });
  const token = form.get("refresh_token");
  if (!token) throw entraErrors.missingParameter("refresh_token");
  const taken = ctx.grants.takeRefreshToken(token);
  if ("problem" in taken)
    throw taken.problem === "expired" ? entraErrors.refreshTokenExpired() : entraErrors.refreshTokenInvalid();
  const grant = taken.grant;
  if (grant.tenantId !== tenant.id || grant.clientId !== client.clientId) throw entraErrors.refreshTokenInvalid();
  const user = findUser(tenant, grant.userObjectId);
  if (!user) throw entraErrors.userNotFound();
  const scopes = parseDelegatedScopes(tenant, client, form.get("scope") || grant.oidcScopes.join(" "));
  const refreshToken = ctx.grants.issueRefreshToken(grant);
  return issueUserTokens(ctx, {
    tenant,
    client,
    user,
    scopes,
    withIdToken: grant.oidcScopes.includes("openid"),
    refreshToken,
  });
}
