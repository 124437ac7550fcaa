export interface CallApiParams {
  authorityHost: string;
  tenantId: string;
  clientId: string;
  apiClientId: string;
  registryUrl: string;
  /** The authority is not a Microsoft cloud host (e.g. the bundled emulator). */
  customAuthority: boolean;
}

export function curlSnippet(p: CallApiParams): string {
  const tokenUrl = `${p.authorityHost}/${p.tenantId}/oauth2/v2.0/token`;
  const form = `grant_type=client_credentials&client_id=${p.clientId}&client_secret=<secret>&scope=api://${p.apiClientId}/.default`;
  return [
    "# 1. Get an access token from Entra ID (client-credentials flow)",
    `TOKEN=$(curl -s -X POST "${tokenUrl}" \\`,
    `  -H "Content-Type: application/x-www-form-urlencoded" \\`,
    `  -d "${form}" \\`,
    "  | jq -r .access_token)",
    "",
    "# 2. Call the registry with it",
    `curl -H "Authorization: Bearer $TOKEN" ${p.registryUrl}/api/servers`,
  ].join("\n");
}

export function msalSnippet(p: CallApiParams): string {
  return [
    'import { ConfidentialClientApplication } from "@azure/msal-node";',
    "",
    "const app = new ConfidentialClientApplication({",
    "  auth: {",
    `    clientId: "${p.clientId}",`,
    `    authority: "${p.authorityHost}/${p.tenantId}",`,
    "    clientSecret: process.env.CLIENT_SECRET, // from a secret store, never in code",
    ...(p.customAuthority ? [`    knownAuthorities: ["${new URL(p.authorityHost).host}"],`] : []),
    "  },",
    "});",
    "",
    "const { accessToken } = await app.acquireTokenByClientCredential({",
    `  scopes: ["api://${p.apiClientId}/.default"],`,
    "});",
    "",
    `const response = await fetch("${p.registryUrl}/api/servers", {`,
    "  headers: { Authorization: `Bearer ${accessToken}` },",
    "});",
    "console.log(await response.json());",
  ].join("\n");
}
