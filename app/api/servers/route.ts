import { cachedCatalogJson } from "@/lib/http/catalog-response-cache";
import { json } from "@/lib/http/json";
import { withAuth } from "@/lib/http/with-auth";
import { createServer } from "@/lib/servers/create-server";
import { findServers } from "@/lib/servers/find-servers";
import { createServerSchema, serverListQuery } from "@/lib/servers/schemas";

export const GET = withAuth(async ({ ctx, query, request }) => cachedCatalogJson(ctx, request, () => findServers(ctx.db, ctx.access, query)), { query: serverListQuery });

export const POST = withAuth(async ({ ctx, body }) => json(await createServer(ctx.db, ctx, body), 201), {
  permission: "servers:write",
  body: createServerSchema,
});
