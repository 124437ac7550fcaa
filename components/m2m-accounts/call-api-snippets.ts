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
  // One form field per line: the scope (the part people get wrong) stays in view without
  // scrolling, and the secret is URL-encoded whatever characters it has.
  return [
    "# 1. Get an access token from Entra ID (client-credentials flow)",
    `TOKEN=$(curl -s -X POST "${tokenUrl}" \\`,
    "  -d grant_type=client_credentials \\",
    `  -d client_id=${p.clientId} \\`,
    `  --data-urlencode "client_secret=<secret>" \\`,
    `  -d "scope=api://${p.apiClientId}/.default" \\`,
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
