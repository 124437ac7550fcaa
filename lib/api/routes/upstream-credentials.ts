import { defineRoute, type ApiRoute } from "@/lib/api/route-definition";
import { json, noContent } from "@/lib/http/json";
import { slugParams } from "@/lib/http/route-params";
import { setUpstreamCredentialsSchema } from "@/lib/servers/upstream-credentials/schemas";
import {
  clearUpstreamCredentials,
  getUpstreamCredentials,
  setUpstreamCredentials,
} from "@/lib/servers/upstream-credentials/upstream-credentials";

/**
 * The headers the MCP gateway sends to a server's upstream (e.g. `Authorization: Bearer …`,
 * `X-API-Key`). Write-only: no route ever returns a value, only `hasUpstreamCredentials` and the
 * header names.
 */
export const upstreamCredentialRoutes: ApiRoute[] = [
  defineRoute({
    method: "GET",
    path: "/api/servers/{slug}/upstream-credentials",
    summary: "Whether the gateway sends upstream credentials to this server, and their header names (never values)",
    permission: "servers:write",
    permissionAfterVisibility: true,
    params: slugParams,
    handler: async ({ ctx, params }) => json(await getUpstreamCredentials(ctx, params)),
  }),
  defineRoute({
    method: "PUT",
    path: "/api/servers/{slug}/upstream-credentials",
    summary: "Set the headers the gateway sends upstream (stored AES-256-GCM encrypted; needs REGISTRY_SECRETS_KEY)",
    permission: "servers:write",
    permissionAfterVisibility: true,
    params: slugParams,
    body: setUpstreamCredentialsSchema,
    handler: async ({ ctx, params, body }) => json(await setUpstreamCredentials(ctx, { ...body, slug: params.slug })),
  }),
  defineRoute({
    method: "DELETE",
    path: "/api/servers/{slug}/upstream-credentials",
    summary: "Stop sending upstream credentials to this server",
    permission: "servers:write",
    permissionAfterVisibility: true,
    params: slugParams,
    status: 204,
    handler: async ({ ctx, params }) => {
      await clearUpstreamCredentials(ctx, params);
      return noContent();
    },
  }),
];
