import { aadstsCodes, describeEntraFailure, type LoginFacts } from "./aadsts-hints";
import { authError, usageError } from "./cli-error";
import type { StoredEntraLogin, StoredToken } from "./config-store";
import { fetchOrFail } from "./network-error";
import type { ProtectedResourceMetadata } from "./registry-client";

const MICROSOFT_HOSTS = new Set([
  "login.microsoftonline.com",
  "login.microsoftonline.us",
  "login.chinacloudapi.cn",
  "login.partner.microsoftonline.cn",
]);

export interface LoginOptions {
  tenant?: string;
  clientId: string;
  secretEnv: string;
  authorityHost?: string;
  scope?: string;
}

function httpsOrigin(value: string, what: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw usageError(`${what} must be a URL such as https://login.microsoftonline.com (got "${value}").`);
  }
  if (url.protocol !== "https:")
    throw usageError(`${what} must use https (got "${value}"): MSAL talks to authorities over TLS only.`);
  return url.origin;
}

/** `{host}/{tenant}/oauth2/v2.0/token` or the issuer `{host}/{tenant}/v2.0` → tenant and host. */
function fromEndpoint(value: string | undefined): { tenant?: string; origin?: string } {
  if (!value) return {};
  try {
    const url = new URL(value);
    return { tenant: url.pathname.split("/").filter(Boolean)[0], origin: url.origin };
  } catch {
    return {};
  }
}

/**
 * Fills what the command line leaves out from the registry's RFC 9728 metadata: the scope
 * (scopes_supported), the tenant and the authority host (token_endpoint_hint, then authorization_servers).
 */
export function resolveLogin(options: LoginOptions, metadata: ProtectedResourceMetadata): StoredEntraLogin {
  const hint = fromEndpoint(metadata.token_endpoint_hint);
  const issuer = fromEndpoint(metadata.authorization_servers?.[0]);
  const scope = options.scope ?? metadata.scopes_supported?.[0];
  if (!scope)
    throw usageError(
      "The registry's /.well-known/oauth-protected-resource names no scope (scopes_supported). Pass --scope api://{registry api client id}/.default.",
    );
  const tenantId = options.tenant ?? hint.tenant ?? issuer.tenant;
  if (!tenantId) throw usageError("No tenant: pass --tenant with the Directory (tenant) ID of your app registration.");
  const authorityHost = httpsOrigin(
    options.authorityHost ?? hint.origin ?? issuer.origin ?? "https://login.microsoftonline.com",
    "--authority-host",
  );
  return { tenantId, clientId: options.clientId, authorityHost, scope, secretEnv: options.secretEnv };
}

function facts(login: StoredEntraLogin): LoginFacts {
  return { tenantId: login.tenantId, clientId: login.clientId, scope: login.scope, secretEnv: login.secretEnv };
}

/**
 * The tenant's OpenID configuration, fetched here rather than by MSAL: MSAL reports every failure of
 * this step (untrusted certificate, unknown tenant, nothing listening) as one opaque
 * endpoints_resolution_error. Handed to MSAL as authorityMetadata so it is requested once.
 */
async function openIdConfiguration(login: StoredEntraLogin): Promise<string> {
  const url = `${login.authorityHost}/${encodeURIComponent(login.tenantId)}/v2.0/.well-known/openid-configuration`;
  const response = await fetchOrFail("auth", url);
  const text = await response.text();
  if (response.ok) return text;
  let body: { error_description?: string; error_codes?: number[] };
  try {
    body = JSON.parse(text);
  } catch {
    throw authError(
      `${url} answered ${response.status} without Entra's JSON. Is ${login.authorityHost} an Entra ID authority host? Check --authority-host.`,
    );
  }
  const description = body.error_description ?? "";
  throw authError(
    describeEntraFailure([...(body.error_codes ?? []), ...aadstsCodes(description)], description, facts(login)),
  );
}

/** Client credentials through MSAL: one access token for the registry's scope. */
export async function acquireToken(login: StoredEntraLogin, secret: string): Promise<StoredToken> {
  const authorityMetadata = await openIdConfiguration(login);
  const host = new URL(login.authorityHost).host;
  // Loaded only when a token is needed: commands that use the cached token start faster.
  const { ConfidentialClientApplication } = await import("@azure/msal-node");
  const app = new ConfidentialClientApplication({
    auth: {
      clientId: login.clientId,
      clientSecret: secret,
      authority: `${login.authorityHost}/${login.tenantId}`,
      authorityMetadata,
      // Any other host (the bundled emulator, a sovereign proxy) would be validated against login.microsoftonline.com.
      ...(MICROSOFT_HOSTS.has(host) ? {} : { knownAuthorities: [host] }),
    },
  });
  try {
    const result = await app.acquireTokenByClientCredential({ scopes: [login.scope] });
    if (!result?.accessToken) throw authError("Entra ID answered without an access token.");
    const expiresOn = result.expiresOn ?? new Date(Date.now() + 5 * 60_000);
    return { accessToken: result.accessToken, expiresOn: expiresOn.toISOString() };
  } catch (error) {
    if (error instanceof Error && "errorCode" in error) {
      const msal = error as Error & { errorCode: string; errorMessage?: string; errorNo?: unknown };
      const description = msal.errorMessage ?? msal.message;
      const codes = aadstsCodes(description, msal.errorNo);
      if (codes.length) throw authError(describeEntraFailure(codes, description, facts(login)));
      throw authError(`Sign-in failed (MSAL ${msal.errorCode}): ${description}`);
    }
    throw error;
  }
}
