import { defineRoute } from "@/lib/api/route-definition";
import { cachedCatalogJson } from "@/lib/http/catalog-response-cache";
import { json, noContent } from "@/lib/http/json";
import { slugParams } from "@/lib/http/route-params";
import { createServer } from "@/lib/servers/create-server";
import { deleteServer } from "@/lib/servers/delete-server";
import { HEALTH_TTL_MS, healthEpoch } from "@/lib/servers/discovery/health-epoch";
import { withCurrentHealth } from "@/lib/servers/discovery/with-current-health";
import { findServers } from "@/lib/servers/find-servers";
import { findTools } from "@/lib/servers/find-tools";
import { getServer, getServerTools } from "@/lib/servers/get-server";
import { importBody, importQuery, readImportBody } from "@/lib/servers/official/import-schemas";
import { importServers } from "@/lib/servers/official/import-servers";
import { replaceTools } from "@/lib/servers/replace-tools";
import { createServerSchema, replaceToolsSchema, serverListQuery, updateServerSchema } from "@/lib/servers/schemas";
import { updateServer } from "@/lib/servers/update-server";
import { pageQuery } from "@/lib/validation/common";
import { getConfig } from "@/lib/config";
import { AppError } from "@/lib/errors";

/** The caller and the catalog it can see. */
export const catalogRoutes = [
  defineRoute({
    method: "GET",
    path: "/api/me",
    summary: "The caller: kind, id, display name, groups with reasons, permissions",
    handler: async ({ ctx: { principal, access } }) =>
      json({
        kind: principal.kind,
        id: principal.id,
        displayName: principal.displayName,
        groups: principal.groups,
        permissions: [...access.permissions.keys()].sort(),
        ...(principal.kind === "m2m" ? { tenantId: principal.tenantId, clientId: principal.clientId } : {}),
        ...(principal.kind === "token" ? { ownerId: principal.ownerId, servers: principal.servers } : {}),
      }),
  }),
  defineRoute({
    method: "GET",
    path: "/api/servers",
    summary: "Visible servers",
    query: serverListQuery,
    handler: async ({ ctx, query, request }) =>
      cachedCatalogJson(
        ctx,
        request,
        () => findServers(ctx, query),
        (page) => withCurrentHealth(ctx.db, page),
        { stamp: String(healthEpoch()), ttlMs: HEALTH_TTL_MS },
      ),
  }),
  defineRoute({
    method: "POST",
    path: "/api/servers",
    summary: "Register a server",
    permission: "servers:write",
    body: createServerSchema,
    status: 201,
    handler: async ({ ctx, body }) => json(await createServer(ctx, body), 201),
  }),
  defineRoute({
    method: "POST",
    path: "/api/servers/import",
    summary: "Import server.json documents (one, an array, or { servers: [{ server }] }); ?dryRun=true previews",
    permission: "servers:write",
    query: importQuery,
    body: importBody,
    handler: async ({ ctx, query, body }) => {
      const read = readImportBody(body);
      if (!read) {
        const message =
          "The body must be a server.json object, an array of them (at most 200), { servers: [{ server }] }, or { dryRun?: boolean, documents }.";
        throw new AppError("validation_failed", message, { fields: [{ path: "documents", message }] });
      }
      return json(
        await importServers(ctx, {
          documents: read.documents,
          dryRun: query.dryRun === "true" || read.dryRun,
          registryUrl: getConfig().registryUrl,
        }),
      );
    },
  }),
  defineRoute({
    method: "GET",
    path: "/api/servers/{slug}",
    summary: "One visible server with its visible tools",
    params: slugParams,
    handler: async ({ ctx, params }) => json(await getServer(ctx, params)),
  }),
  defineRoute({
    method: "PATCH",
    path: "/api/servers/{slug}",
    summary: "Update a server",
    permission: "servers:write",
    permissionAfterVisibility: true,
    params: slugParams,
    body: updateServerSchema,
    handler: async ({ ctx, params, body }) => json(await updateServer(ctx, { slug: params.slug, changes: body })),
  }),
  defineRoute({
    method: "DELETE",
    path: "/api/servers/{slug}",
    summary: "Delete a server",
    permission: "servers:write",
    permissionAfterVisibility: true,
    params: slugParams,
    status: 204,
    handler: async ({ ctx, params }) => {
      await deleteServer(ctx, params);
      return noContent();
    },
  }),
  defineRoute({
    method: "GET",
    path: "/api/servers/{slug}/tools",
    summary: "Visible tools of a server",
    params: slugParams,
    handler: async ({ ctx, params }) => {
      const { tools } = await getServerTools(ctx, params);
      return json({ items: tools, nextCursor: null });
    },
  }),
  defineRoute({
    method: "PUT",
    path: "/api/servers/{slug}/tools",
    summary: "Replace the tool list",
    permission: "servers:write",
    permissionAfterVisibility: true,
    params: slugParams,
    body: replaceToolsSchema,
    handler: async ({ ctx, params, body }) =>
      json({ items: await replaceTools(ctx, { slug: params.slug, tools: body.tools }), nextCursor: null }),
  }),
  defineRoute({
    method: "GET",
    path: "/api/tools",
    summary: "Search visible tools across servers",
    query: pageQuery,
    handler: async ({ ctx, query, request }) => cachedCatalogJson(ctx, request, () => findTools(ctx, query)),
  }),
];
