import { defineRoute } from "@/lib/api/route-definition";
import { getConfig } from "@/lib/config";
import { cachedCatalogJson } from "@/lib/http/catalog-response-cache";
import { json } from "@/lib/http/json";
import {
  findOfficialServers,
  getOfficialServer,
  getOfficialServerVersion,
} from "@/lib/servers/official/find-official-servers";
import { officialListQuery, serverNameParams, serverVersionParams } from "@/lib/servers/official/schemas";
import { toServerResponse } from "@/lib/servers/official/server-json";

/**
 * The official MCP Registry read API (v0.1), answered per caller: the same servers
 * /api/servers shows them, each as a server.json (schema 2025-12-11) whose remote is the gateway.
 * `{serverName}` arrives URL-encoded (`io.github.acme%2Fgithub`); the router decodes it.
 */
export const registryV0Routes = [
  defineRoute({
    method: "GET",
    path: "/v0.1/servers",
    summary: "Official MCP Registry API: visible servers as server.json",
    query: officialListQuery,
    handler: async ({ ctx, query, request }) =>
      cachedCatalogJson(ctx, request, () => findOfficialServers(ctx, { query, registryUrl: getConfig().registryUrl })),
  }),
  defineRoute({
    method: "GET",
    path: "/v0.1/servers/{serverName}/versions",
    summary: "Official MCP Registry API: the versions of one visible server (one, the latest)",
    params: serverNameParams,
    handler: async ({ ctx, params }) => {
      const registryUrl = getConfig().registryUrl;
      const row = await getOfficialServer(ctx, { name: params.serverName, registryUrl });
      return json({ servers: [toServerResponse(row, registryUrl)], metadata: { count: 1 } });
    },
  }),
  defineRoute({
    method: "GET",
    path: "/v0.1/servers/{serverName}/versions/{version}",
    summary: "Official MCP Registry API: one version (or `latest`) of a visible server",
    params: serverVersionParams,
    handler: async ({ ctx, params }) =>
      json(
        await getOfficialServerVersion(ctx, {
          name: params.serverName,
          version: params.version,
          registryUrl: getConfig().registryUrl,
        }),
      ),
  }),
];
