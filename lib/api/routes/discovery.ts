import { defineRoute } from "@/lib/api/route-definition";
import { json } from "@/lib/http/json";
import { slugParams } from "@/lib/http/route-params";
import { checkServerHealth } from "@/lib/servers/discovery/check-server-health";
import { discoverTools } from "@/lib/servers/discovery/discover-tools";
import { discoverToolsSchema } from "@/lib/servers/schemas";

/** Asking a server's upstream itself: its tools (discovery) and whether it answers (health). */
export const discoveryRoutes = [
  defineRoute({
    method: "POST",
    path: "/api/servers/{slug}/discover",
    summary: "Ask the upstream for its tools and compare them with the registry's (apply: true replaces them)",
    permission: "servers:write",
    permissionAfterVisibility: true,
    params: slugParams,
    body: discoverToolsSchema,
    handler: async ({ ctx, params, body }) => json(await discoverTools(ctx, { slug: params.slug, apply: body.apply })),
  }),
  defineRoute({
    method: "POST",
    path: "/api/servers/{slug}/check-health",
    summary: "Probe the upstream (initialize) now and store its health",
    permission: "servers:write",
    permissionAfterVisibility: true,
    params: slugParams,
    handler: async ({ ctx, params }) => json(await checkServerHealth(ctx, params)),
  }),
];
