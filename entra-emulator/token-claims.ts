import type { EmulatorApp, EmulatorUser } from "./config";
import type { Resource } from "./directory";
import { rolesOn } from "./directory";
import { pairwiseSubject, randomId, servicePrincipalObjectId } from "./identifiers";

export type Claims = Record<string, unknown>;

export const v1Issuer = (tenantId: string) => `https://sts.windows.net/${tenantId}/`;
export const v2Issuer = (tenantId: string) => `https://login.microsoftonline.com/${tenantId}/v2.0`;

export interface ClaimContext {
  tenantId: string;
  /** Seconds since the epoch. */
  now: number;
  lifetimeSeconds: number;
  groupsOverageLimit: number;
}

function common(ctx: ClaimContext): Claims {
  return {
    iat: ctx.now,
    nbf: ctx.now,
    exp: ctx.now + ctx.lifetimeSeconds,
    aio: randomId(48),
    rh: `0.${randomId(40)}`,
    tid: ctx.tenantId,
    uti: randomId(16),
  };
}

/** Who the calling client is, in the token version's vocabulary. */
function clientClaims(version: 1 | 2, client: EmulatorApp): Claims {
  // "1": the client authenticated with a secret; "0": a public client.
  const acr = client.clientSecret ? "1" : "0";
  return version === 2 ? { azp: client.clientId, azpacr: acr } : { appid: client.clientId, appidacr: acr };
}

function audienceAndIssuer(ctx: ClaimContext, resource: Resource): Claims {
  return resource.tokenVersion === 2
    ? { aud: resource.clientId, iss: v2Issuer(ctx.tenantId) }
    : { aud: resource.identifier, iss: v1Issuer(ctx.tenantId) };
}

/**
 * Entra's `groups` claim, or its overage marker when there are too many groups for a JWT: then
 * the token names a Graph endpoint to ask instead (`_claim_names` / `_claim_sources`).
 */
export function groupClaims(ctx: ClaimContext, groups: string[], graphPath: string, forceOverage = false): Claims {
  if (!forceOverage && groups.length === 0) return {};
  if (!forceOverage && groups.length <= ctx.groupsOverageLimit) return { groups };
  return {
    _claim_names: { groups: "src1" },
    _claim_sources: { src1: { endpoint: `https://graph.windows.net/${ctx.tenantId}/${graphPath}/getMemberObjects` } },
  };
}

export function appOnlyAccessTokenClaims(ctx: ClaimContext, client: EmulatorApp, resource: Resource): Claims {
  const oid = servicePrincipalObjectId(ctx.tenantId, client);
  // Graph's app roles are the application permissions consented to the client.
  const roles = resource.app ? rolesOn(resource, client.appRoleAssignments) : client.graphPermissions;
  return {
    ...audienceAndIssuer(ctx, resource),
    ...common(ctx),
    ...(resource.tokenVersion === 1 ? { idp: v1Issuer(ctx.tenantId) } : {}),
    ...clientClaims(resource.tokenVersion, client),
    ...groupClaims(ctx, client.groups, `servicePrincipals/${oid}`, client.groupsOverage),
    idtyp: "app",
    oid,
    ...(roles.length > 0 ? { roles } : {}),
    sub: oid,
    ver: resource.tokenVersion === 2 ? "2.0" : "1.0",
  };
}

export function delegatedAccessTokenClaims(
  ctx: ClaimContext,
  client: EmulatorApp,
  user: EmulatorUser,
  resource: Resource,
  permissions: string[],
): Claims {
  const roles = rolesOn(resource, user.appRoleAssignments);
  const userNames =
    resource.tokenVersion === 2
      ? { name: user.displayName, preferred_username: user.userPrincipalName }
      : { amr: ["pwd"], name: user.displayName, unique_name: user.userPrincipalName, upn: user.userPrincipalName };
  return {
    ...audienceAndIssuer(ctx, resource),
    ...common(ctx),
    ...(resource.tokenVersion === 1 ? { acr: "1" } : {}),
    ...clientClaims(resource.tokenVersion, client),
    ...groupClaims(ctx, user.groups, `users/${user.objectId}`, user.groupsOverage),
    ...userNames,
    oid: user.objectId,
    ...(roles.length > 0 ? { roles } : {}),
    scp: permissions.join(" "),
    sub: pairwiseSubject(user.objectId, resource.clientId),
    ver: resource.tokenVersion === 2 ? "2.0" : "1.0",
  };
}

/**
 * A v2 ID token for `client`. The `email` claim is always present, as when the app registration
 * configures the `email` optional claim.
 */
export function idTokenClaims(
  ctx: ClaimContext,
  client: EmulatorApp,
  user: EmulatorUser,
  nonce: string | undefined,
): Claims {
  const self: Resource = {
    app: client,
    clientId: client.clientId,
    displayName: client.displayName,
    identifier: client.clientId,
    tokenVersion: 2,
  };
  const roles = rolesOn(self, user.appRoleAssignments);
  return {
    aud: client.clientId,
    iss: v2Issuer(ctx.tenantId),
    iat: ctx.now,
    nbf: ctx.now,
    exp: ctx.now + ctx.lifetimeSeconds,
    aio: randomId(48),
    email: user.email ?? user.userPrincipalName,
    ...groupClaims(ctx, user.groups, `users/${user.objectId}`, user.groupsOverage),
    name: user.displayName,
    ...(nonce ? { nonce } : {}),
    oid: user.objectId,
    preferred_username: user.userPrincipalName,
    rh: `0.${randomId(40)}`,
    ...(roles.length > 0 ? { roles } : {}),
    sub: pairwiseSubject(user.objectId, client.clientId),
    tid: ctx.tenantId,
    uti: randomId(16),
    ver: "2.0",
  };
}
