// Calls the MCP Registry API with an Entra ID client-credentials token.
// Run: TENANT_ID=… CLIENT_ID=… CLIENT_SECRET=… REGISTRY_API_CLIENT_ID=… REGISTRY_URL=… node call-registry-with-entra.mjs
import { ConfidentialClientApplication } from "@azure/msal-node";

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

const tenantId = required("TENANT_ID");
const clientId = required("CLIENT_ID");
const clientSecret = required("CLIENT_SECRET"); // from a secret store, never in code
const apiClientId = required("REGISTRY_API_CLIENT_ID");
const registryUrl = required("REGISTRY_URL").replace(/\/+$/, "");
const authorityHost = (process.env.AUTHORITY_HOST ?? "https://login.microsoftonline.com").replace(/\/+$/, "");

// MSAL asks login.microsoftonline.com to validate any other host (instance discovery);
// naming the host in knownAuthorities skips that (needed for the bundled emulator).
const microsoftHosts = ["login.microsoftonline.com", "login.microsoftonline.us", "login.chinacloudapi.cn"];
const host = new URL(authorityHost).host;

const app = new ConfidentialClientApplication({
  auth: {
    clientId,
    clientSecret,
    authority: `${authorityHost}/${tenantId}`,
    ...(microsoftHosts.includes(host) ? {} : { knownAuthorities: [host] }),
  },
});

// 1. The token: client credentials, scope = the registry API's App ID URI + "/.default".
const result = await app.acquireTokenByClientCredential({ scopes: [`api://${apiClientId}/.default`] });
if (!result?.accessToken) throw new Error("Entra ID returned no access token");
const headers = { Authorization: `Bearer ${result.accessToken}` };

async function get(path) {
  const response = await fetch(`${registryUrl}${path}`, { headers });
  const body = await response.json();
  if (!response.ok) {
    // The registry's error shape: { error: { code, message }, requestId }.
    throw new Error(`GET ${path}: ${response.status} ${body.error?.code}: ${body.error?.message} (request ${body.requestId})`);
  }
  return body;
}

// 2. Who the registry thinks the caller is.
const me = await get("/api/me");
console.log(`caller: ${me.kind} ${me.displayName} (groups: ${me.groups.map((group) => group.name).join(", ") || "none"})`);

// 3. The servers it may see, page by page.
const servers = [];
let cursor = null;
do {
  const page = await get(`/api/servers?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
  servers.push(...page.items);
  cursor = page.nextCursor;
} while (cursor);

console.log(`servers (${servers.length}):`);
for (const server of servers) console.log(`  ${server.slug}\t${server.name}`);
