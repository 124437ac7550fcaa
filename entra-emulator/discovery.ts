import type { EmulatorConfig } from "./config";
import { findTenant } from "./directory";
import { EntraError, entraErrors } from "./errors";
import { v1Issuer, v2Issuer } from "./token-claims";

/** Entra serves discovery for these tenant-independent segments too. */
const MULTI_TENANT_SEGMENTS = ["common", "organizations"];

/**
 * The tenant id to put in issuer strings for a path segment: a tenant's id, or Entra's
 * `{tenantid}` placeholder for the multi-tenant segments. Throws AADSTS90002 otherwise.
 */
export function issuerTenant(config: EmulatorConfig, segment: string): string {
  if (MULTI_TENANT_SEGMENTS.includes(segment.toLowerCase())) return "{tenantid}";
  const tenant = findTenant(config, segment);
  if (!tenant) throw entraErrors.tenantNotFound(segment);
  return tenant.id;
}

/**
 * Real-shaped OpenID configuration. The issuer is Entra's real string, so tokens look exactly as
 * they would in Azure; the endpoints point at the emulator itself.
 */
export function openIdConfiguration(
  config: EmulatorConfig,
  baseUrl: string,
  segment: string,
  version: 1 | 2,
): Record<string, unknown> {
  const issuerId = issuerTenant(config, segment);
  const at = (path: string) => `${baseUrl}/${segment}${path}`;
  const common = {
    token_endpoint_auth_methods_supported: ["client_secret_post", "private_key_jwt", "client_secret_basic"],
    response_modes_supported: ["query", "fragment", "form_post"],
    subject_types_supported: ["pairwise"],
    id_token_signing_alg_values_supported: ["RS256"],
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    tenant_region_scope: "NA",
    cloud_instance_name: "microsoftonline.com",
    cloud_graph_host_name: "graph.windows.net",
    msgraph_host: "graph.microsoft.com",
    rbac_url: "https://pas.windows.net",
  };
  if (version === 2) {
    return {
      token_endpoint: at("/oauth2/v2.0/token"),
      jwks_uri: at("/discovery/v2.0/keys"),
      response_types_supported: ["code", "id_token", "code id_token", "id_token token"],
      scopes_supported: ["openid", "profile", "email", "offline_access"],
      issuer: v2Issuer(issuerId),
      request_uri_parameter_supported: false,
      authorization_endpoint: at("/oauth2/v2.0/authorize"),
      end_session_endpoint: at("/oauth2/v2.0/logout"),
      claims_supported: [
        "sub",
        "iss",
        "cloud_instance_name",
        "cloud_instance_host_name",
        "cloud_graph_host_name",
        "msgraph_host",
        "aud",
        "exp",
        "iat",
        "auth_time",
        "acr",
        "nonce",
        "preferred_username",
        "name",
        "tid",
        "ver",
        "at_hash",
        "c_hash",
        "email",
      ],
      ...common,
    };
  }
  // The emulator serves v1 client credentials only, so v1's authorize and logout use the v2 endpoints.
  return {
    token_endpoint: at("/oauth2/token"),
    jwks_uri: at("/discovery/keys"),
    response_types_supported: ["code", "id_token", "code id_token", "token id_token", "token"],
    scopes_supported: ["openid"],
    issuer: v1Issuer(issuerId),
    microsoft_multi_refresh_token: true,
    authorization_endpoint: at("/oauth2/v2.0/authorize"),
    end_session_endpoint: at("/oauth2/v2.0/logout"),
    claims_supported: [
      "sub",
      "iss",
      "cloud_instance_name",
      "cloud_instance_host_name",
      "cloud_graph_host_name",
      "msgraph_host",
      "aud",
      "exp",
      "iat",
      "auth_time",
      "acr",
      "amr",
      "nonce",
      "email",
      "given_name",
      "family_name",
      "nickname",
    ],
    ...common,
  };
}

/** MSAL's instance-discovery answer, naming the emulator's host as the only alias. */
export function instanceDiscovery(baseUrl: string, params: URLSearchParams): Record<string, unknown> {
  const host = new URL(baseUrl).host;
  let tenant = "common";
  const authorize = params.get("authorization_endpoint");
  if (authorize) {
    try {
      tenant = new URL(authorize).pathname.split("/").filter(Boolean)[0] ?? "common";
    } catch {
      throw new EntraError("invalid_instance", 50049, "Unknown or invalid instance.");
    }
  }
  return {
    tenant_discovery_endpoint: `${baseUrl}/${encodeURIComponent(tenant)}/v2.0/.well-known/openid-configuration`,
    "api-version": "1.1",
    metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
  };
}
