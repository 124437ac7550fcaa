import { entraVerifier } from "@/lib/auth/entra-verifier";
import { issuerFor } from "@/lib/auth/entra/issuers";
import { getConfig } from "@/lib/config";
import { dbReady, getDb } from "@/lib/db";
import { buildOpenApiDocument } from "@/lib/openapi/build-document";

/** A route that answers without a credential: it reveals nothing about who may see what. */
export interface PublicRoute {
  method: "GET";
  path: string;
  summary: string;
  handler: (request: Request) => Response | Promise<Response>;
}

const PROTECTED_RESOURCE_PATH = "/.well-known/oauth-protected-resource";

/** RFC 9728 protected resource metadata: where to get a token for this registry, and its scope. */
function protectedResourceMetadata(request: Request): Response {
  const { registryUrl, entra } = getConfig();
  // RFC 9728 §3.1: metadata for `{registry}/mcp/x` lives at `/.well-known/oauth-protected-resource/mcp/x`.
  const suffix = new URL(request.url).pathname.slice(PROTECTED_RESOURCE_PATH.length).replace(/\/+$/, "");
  const tenant = entra.tenantIds[0];
  return Response.json(
    {
      resource: `${registryUrl}${suffix}`,
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

/** 200 while the database answers, 503 when not; key-cache state per tenant, never a secret. */
async function health(): Promise<Response> {
  let database = "up";
  try {
    await dbReady();
    await getDb().$queryRawUnsafe("SELECT 1");
  } catch {
    database = "down";
  }
  const keys = entraVerifier().keys.state();
  return new Response(JSON.stringify({ status: database === "up" ? "ok" : "degraded", database, entraKeys: keys }), {
    status: database === "up" ? 200 : 503,
    headers: { "Content-Type": "application/json", "Cache-Control": "no-store" },
  });
}

let openApiDocument: string | undefined;

export const publicRoutes: PublicRoute[] = [
  { method: "GET", path: "/api/health", summary: "Liveness: database and Entra key cache state", handler: health },
  {
    method: "GET",
    path: "/api/openapi.json",
    summary: "This document",
    handler: () =>
      new Response((openApiDocument ??= JSON.stringify(buildOpenApiDocument(getConfig().registryUrl))), {
        headers: { "Content-Type": "application/json", "Cache-Control": "public, max-age=300" },
      }),
  },
  {
    method: "GET",
    path: PROTECTED_RESOURCE_PATH,
    summary: "RFC 9728 protected resource metadata",
    handler: protectedResourceMetadata,
  },
  {
    method: "GET",
    path: `${PROTECTED_RESOURCE_PATH}/{resource*}`,
    summary: "RFC 9728 metadata for a resource under this registry (e.g. /mcp/{slug})",
    handler: protectedResourceMetadata,
  },
];
