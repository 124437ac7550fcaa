export interface CallApiParams {
  authorityHost: string;
  tenantId: string;
  clientId: string;
  apiClientId: string;
  registryUrl: string;
  /** The authority is not a Microsoft cloud host (e.g. the bundled emulator). */
  customAuthority: boolean;
  /** The bundled emulator's self-signed certificate: clients must trust it to reach the emulator. */
  caCertPath?: string;
  /** The emulator's demo secret for this app (demo data); never known for a real tenant. */
  demoSecret?: string;
}

/** Single-quoted for a POSIX shell. */
function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

export function curlSnippet(p: CallApiParams): string {
  const tokenUrl = `${p.authorityHost}/${p.tenantId}/oauth2/v2.0/token`;
  // One form field per line: the scope (the part people get wrong) stays in view without
  // scrolling, and the secret is URL-encoded whatever characters it has.
  // -sS: quiet but not silent on network and TLS errors; jq prints Entra's error description (AADSTS…) when no token comes back.
  const trust = p.caCertPath ? ` --cacert ${shellQuote(p.caCertPath)}` : "";
  const secret = p.demoSecret ? shellQuote(p.demoSecret) : '"$CLIENT_SECRET"';
  return [
    ...(p.demoSecret
      ? ["# The bundled Entra ID emulator: this is the app's demo secret (entra-emulator/demo-tenant.json)."]
      : ["# CLIENT_SECRET: a client secret of this app registration, from your secret store."]),
    "# 1. Get an access token from Entra ID (client-credentials flow)",
    `TOKEN=$(curl -sS${trust} -X POST "${tokenUrl}" \\`,
    "  -d grant_type=client_credentials \\",
    `  -d client_id=${p.clientId} \\`,
    `  --data-urlencode client_secret=${secret} \\`,
    `  -d "scope=api://${p.apiClientId}/.default" \\`,
    "  | jq -r '.access_token // error(.error_description)')",
    "",
    "# 2. Call the registry with it",
    `curl -sS -H "Authorization: Bearer $TOKEN" ${p.registryUrl}/api/servers`,
  ].join("\n");
}

export function msalSnippet(p: CallApiParams): string {
  return [
    ...(p.caCertPath
      ? [
          "// The bundled Entra ID emulator uses a self-signed certificate: Node must trust it from the start:",
          `//   NODE_EXTRA_CA_CERTS=${shellQuote(p.caCertPath)} CLIENT_SECRET=${shellQuote(p.demoSecret ?? "<secret>")} node call-registry.mjs`,
        ]
      : ["// Run as: CLIENT_SECRET=<secret> node call-registry.mjs"]),
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
