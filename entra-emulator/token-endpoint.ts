import type { IncomingMessage, ServerResponse } from "node:http";
import type { EmulatorTenant } from "./config";
import type { TokenResponse } from "./issue-tokens";
import { authenticateClient } from "./client-auth";
import { findTenant } from "./directory";
import { EntraError, entraErrors } from "./errors";
import { type EmulatorContext, readForm, sendEntraError, sendJson } from "./http";
import { issueAppOnlyToken } from "./issue-tokens";
import { parseAppOnlyScope } from "./scopes";
import { redeemAuthorizationCode, redeemRefreshToken } from "./user-grants";

/**
 * `POST /{tenant}/oauth2/v2.0/token`, and the v1 `POST /{tenant}/oauth2/token` for client
 * credentials with `resource=` (the v1 discovery document points there).
 */
export async function handleTokenRequest(
  ctx: EmulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  tenantSegment: string,
  endpoint: "v1" | "v2",
): Promise<void> {
  try {
    const tenant = findTenant(ctx.config, tenantSegment);
    if (!tenant) throw entraErrors.tenantNotFound(tenantSegment);
    const form = await readForm(req);
    const grantType = form.get("grant_type");
    if (!grantType) throw entraErrors.missingParameter("grant_type");
    let body: TokenResponse | V1TokenResponse;
    if (grantType === "client_credentials") body = clientCredentials(ctx, req, form, tenant, endpoint);
    else if (endpoint === "v1") throw entraErrors.unsupportedGrant(grantType);
    else if (grantType === "authorization_code") body = redeemAuthorizationCode(ctx, req, form, tenant);
    else if (grantType === "refresh_token") body = redeemRefreshToken(ctx, req, form, tenant);
    else throw entraErrors.unsupportedGrant(grantType);
    sendJson(res, 200, body);
  } catch (e) {
    if (!(e instanceof EntraError)) throw e;
    sendEntraError(req, res, e);
  }
}

interface V1TokenResponse extends Omit<TokenResponse, "expires_in" | "ext_expires_in"> {
  expires_in: string;
  ext_expires_in: string;
  expires_on: string;
  not_before: string;
  resource: string;
}

function clientCredentials(
  ctx: EmulatorContext,
  req: IncomingMessage,
  form: URLSearchParams,
  tenant: EmulatorTenant,
  endpoint: "v1" | "v2",
): TokenResponse | V1TokenResponse {
  const client = authenticateClient(req, form, tenant, { allowPublic: false });
  if (endpoint === "v2") return issueAppOnlyToken(ctx, tenant, client, parseAppOnlyScope(tenant, form.get("scope")));
  const resourceParam = form.get("resource");
  if (!resourceParam) throw entraErrors.missingParameter("resource");
  const resource = parseAppOnlyScope(tenant, `${resourceParam}/.default`);
  const token = issueAppOnlyToken(ctx, tenant, client, resource);
  // The v1 endpoint answers numbers as strings and names the resource.
  const now = Math.floor(Date.now() / 1000);
  return {
    ...token,
    expires_in: String(token.expires_in),
    ext_expires_in: String(token.ext_expires_in),
    expires_on: String(now + token.expires_in),
    not_before: String(now),
    resource: resourceParam,
  };
}
