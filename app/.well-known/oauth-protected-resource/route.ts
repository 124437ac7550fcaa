import { issuerFor } from "@/lib/auth/entra/issuers";
import { getConfig } from "@/lib/config";

/** RFC 9728 protected resource metadata: where to get a token for this registry, and its scope. */
export function GET(): Response {
  const { registryUrl, entra } = getConfig();
  const tenant = entra.tenantIds[0];
  return Response.json(
    {
      resource: registryUrl,
      authorization_servers: entra.tenantIds.map((id) => issuerFor(entra.cloud, id, 2)),
      scopes_supported: [`api://${entra.clientId}/.default`],
      bearer_methods_supported: ["header"],
      resource_name: "MCP Registry",
      resource_documentation: `${registryUrl}/api/openapi.json`,
      ...(tenant ? { token_endpoint_hint: `${entra.authorityHost}/${tenant}/oauth2/v2.0/token` } : {}),
    },
    { headers: { "Cache-Control": "public, max-age=300" } },
  );
}
