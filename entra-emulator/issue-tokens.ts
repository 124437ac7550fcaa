import type { EmulatorApp, EmulatorTenant, EmulatorUser } from "./config";
import type { Resource } from "./directory";
import type { EmulatorContext } from "./http";
import type { DelegatedScopes } from "./scopes";
import { clientInfo } from "./identifiers";
import {
  type ClaimContext,
  type Claims,
  appOnlyAccessTokenClaims,
  delegatedAccessTokenClaims,
  idTokenClaims,
} from "./token-claims";

export interface TokenResponse {
  token_type: "Bearer";
  scope?: string;
  expires_in: number;
  ext_expires_in: number;
  access_token: string;
  refresh_token?: string;
  id_token?: string;
  client_info?: string;
}

function claimContext(ctx: EmulatorContext, tenant: EmulatorTenant): ClaimContext {
  return {
    tenantId: tenant.id,
    now: Math.floor(Date.now() / 1000),
    lifetimeSeconds: ctx.config.accessTokenLifetimeSeconds,
    groupsOverageLimit: ctx.config.groupsOverageLimit,
  };
}

/** Entra's headers: `typ`, `alg`, `kid`, and for v1 tokens also `x5t` (the same thumbprint). */
function sign(ctx: EmulatorContext, claims: Claims, version: 1 | 2): string {
  const header = version === 1 ? { typ: "JWT", x5t: ctx.keys.current.kid } : { typ: "JWT" };
  return ctx.keys.signJwt(header, claims);
}

function lifetimes(claimCtx: ClaimContext): { expires_in: number; ext_expires_in: number } {
  // Entra answers one second short of the token lifetime.
  const expiresIn = claimCtx.lifetimeSeconds - 1;
  return { expires_in: expiresIn, ext_expires_in: expiresIn };
}

export function issueAppOnlyToken(
  ctx: EmulatorContext,
  tenant: EmulatorTenant,
  client: EmulatorApp,
  resource: Resource,
): TokenResponse {
  const claimCtx = claimContext(ctx, tenant);
  const claims = appOnlyAccessTokenClaims(claimCtx, client, resource);
  return { token_type: "Bearer", ...lifetimes(claimCtx), access_token: sign(ctx, claims, resource.tokenVersion) };
}

export interface UserTokenRequest {
  tenant: EmulatorTenant;
  client: EmulatorApp;
  user: EmulatorUser;
  scopes: DelegatedScopes;
  /** Issue an ID token (the sign-in asked for `openid`). */
  withIdToken: boolean;
  nonce?: string;
  refreshToken?: string;
}

export function issueUserTokens(ctx: EmulatorContext, request: UserTokenRequest): TokenResponse {
  const { tenant, client, user, scopes } = request;
  const claimCtx = claimContext(ctx, tenant);
  const access = delegatedAccessTokenClaims(claimCtx, client, user, scopes.resource, scopes.permissions);
  return {
    token_type: "Bearer",
    scope: scopes.granted,
    ...lifetimes(claimCtx),
    access_token: sign(ctx, access, scopes.resource.tokenVersion),
    ...(request.refreshToken ? { refresh_token: request.refreshToken } : {}),
    ...(request.withIdToken ? { id_token: sign(ctx, idTokenClaims(claimCtx, client, user, request.nonce), 2) } : {}),
    client_info: clientInfo(user.objectId, tenant.id),
  };
}
