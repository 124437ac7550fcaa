/**
 * Entra ID issuer strings and key-set locations per cloud (SPEC §2.3 steps 3 and 5).
 *
 * Issuer hosts, per Microsoft's answer "What are the token issuers for the sovereign clouds"
 * (learn.microsoft.com/en-us/answers/questions/1190472) and the national-clouds page
 * (learn.microsoft.com/entra/identity-platform/authentication-national-cloud):
 *   public: v1 https://sts.windows.net/{T}/        v2 https://login.microsoftonline.com/{T}/v2.0
 *   usgov:  v1 https://sts.windows.net/{T}/        v2 https://login.microsoftonline.us/{T}/v2.0
 *   china:  v1 https://sts.chinacloudapi.cn/{T}/   v2 https://login.partner.microsoftonline.cn/{T}/v2.0
 * Authority (sign-in and keys) hosts: login.microsoftonline.com, login.microsoftonline.us,
 * login.chinacloudapi.cn.
 */
export type EntraCloud = "public" | "usgov" | "china";
export type EntraTokenVersion = 1 | 2;

export interface EntraCloudHosts {
  v1Issuer: string;
  v2Issuer: string;
  authorityHost: string;
}

export const ENTRA_CLOUDS: Readonly<Record<EntraCloud, EntraCloudHosts>> = {
  public: {
    v1Issuer: "https://sts.windows.net",
    v2Issuer: "https://login.microsoftonline.com",
    authorityHost: "https://login.microsoftonline.com",
  },
  usgov: {
    v1Issuer: "https://sts.windows.net",
    v2Issuer: "https://login.microsoftonline.us",
    authorityHost: "https://login.microsoftonline.us",
  },
  china: {
    v1Issuer: "https://sts.chinacloudapi.cn",
    v2Issuer: "https://login.partner.microsoftonline.cn",
    authorityHost: "https://login.chinacloudapi.cn",
  },
};

export interface IssuerInfo {
  tenantId: string;
  version: EntraTokenVersion;
}

// Tenant ids are interpolated into issuer strings and JWKS URLs, so only a GUID is accepted:
// anything else could change the path a key request goes to.
const TENANT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function normalizeTenantId(tenantId: string): string {
  const normalized = tenantId.trim().toLowerCase();
  if (!TENANT_ID.test(normalized)) {
    throw new TypeError(`Entra tenant id must be a GUID, got ${JSON.stringify(tenantId)}`);
  }
  return normalized;
}

export function issuerFor(cloud: EntraCloud, tenantId: string, version: EntraTokenVersion): string {
  const hosts = ENTRA_CLOUDS[cloud];
  return version === 1 ? `${hosts.v1Issuer}/${tenantId}/` : `${hosts.v2Issuer}/${tenantId}/v2.0`;
}

/** Exact issuer string → the tenant and token form it stands for, for the allowed tenants only. */
export function buildIssuerMap(cloud: EntraCloud, tenantIds: readonly string[]): Map<string, IssuerInfo> {
  const map = new Map<string, IssuerInfo>();
  for (const raw of tenantIds) {
    const tenantId = normalizeTenantId(raw);
    map.set(issuerFor(cloud, tenantId, 1), { tenantId, version: 1 });
    map.set(issuerFor(cloud, tenantId, 2), { tenantId, version: 2 });
  }
  return map;
}

export function defaultAuthorityHost(cloud: EntraCloud): string {
  return ENTRA_CLOUDS[cloud].authorityHost;
}

const GRAPH_HOSTS: Record<EntraCloud, string> = {
  public: "https://graph.microsoft.com",
  usgov: "https://graph.microsoft.us",
  china: "https://microsoftgraph.chinacloudapi.cn",
};

/** The cloud's Microsoft Graph host: where Graph is called by default, and the resource its tokens are for. */
export function defaultGraphUrl(cloud: EntraCloud): string {
  return GRAPH_HOSTS[cloud];
}

/** The tenant key set. Built from configuration only, never from anything in a token. */
export function jwksUrlFor(authorityHost: string, tenantId: string, version: EntraTokenVersion): string {
  const base = authorityHost.replace(/\/+$/, "");
  return version === 2 ? `${base}/${tenantId}/discovery/v2.0/keys` : `${base}/${tenantId}/discovery/keys`;
}
