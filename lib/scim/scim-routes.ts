import type { HttpMethod } from "@/lib/api/route-definition";
import { resourceTypes, schemas, serviceProviderConfig } from "./discovery";
import { createScimGroup } from "./groups/create-scim-group";
import { deleteScimGroup } from "./groups/delete-scim-group";
import { findScimGroups, withMembers } from "./groups/find-scim-groups";
import { loadGroupRow, toScimGroup } from "./groups/scim-group";
import { patchScimGroup, replaceScimGroup } from "./groups/update-scim-group";
import { notFound } from "./scim-error";
import { scimJson, scimNoContent } from "./scim-response";
import { createScimUser } from "./users/create-scim-user";
import { deleteScimUser } from "./users/delete-scim-user";
import { findScimUsers } from "./users/find-scim-users";
import { getScimUserRow } from "./users/get-scim-user";
import { toScimUser } from "./users/scim-user";
import { patchScimUser, replaceScimUser } from "./users/update-scim-user";
import type { ScimHandler } from "./with-scim-auth";

export interface ScimRoute {
  method: HttpMethod;
  /** Relative to /scim/v2. */
  path: string;
  handler: ScimHandler;
}

/** The SCIM 2.0 service provider (RFC 7644) as Entra's provisioning service calls it: one table. */
export const SCIM_ROUTES: ScimRoute[] = [
  {
    method: "GET",
    path: "/ServiceProviderConfig",
    handler: async ({ ctx }) => scimJson(serviceProviderConfig(ctx.baseUrl)),
  },
  { method: "GET", path: "/ResourceTypes", handler: async ({ ctx }) => scimJson(resourceTypes(ctx.baseUrl)) },
  { method: "GET", path: "/Schemas", handler: async ({ ctx }) => scimJson(schemas(ctx.baseUrl)) },

  { method: "GET", path: "/Users", handler: async ({ ctx, query }) => scimJson(await findScimUsers(ctx, query)) },
  {
    method: "POST",
    path: "/Users",
    handler: async ({ ctx, body }) => created(toScimUser(await createScimUser(ctx, body), ctx.baseUrl)),
  },
  {
    method: "GET",
    path: "/Users/:id",
    handler: async ({ ctx, params }) =>
      scimJson(toScimUser(await getScimUserRow(ctx.db, ctx, params.id!), ctx.baseUrl)),
  },
  {
    method: "PUT",
    path: "/Users/:id",
    handler: async ({ ctx, params, body }) =>
      scimJson(toScimUser(await replaceScimUser(ctx, params.id!, body), ctx.baseUrl)),
  },
  {
    method: "PATCH",
    path: "/Users/:id",
    handler: async ({ ctx, params, body }) =>
      scimJson(toScimUser(await patchScimUser(ctx, params.id!, body), ctx.baseUrl)),
  },
  {
    method: "DELETE",
    path: "/Users/:id",
    handler: async ({ ctx, params }) => (await deleteScimUser(ctx, params.id!), scimNoContent()),
  },

  { method: "GET", path: "/Groups", handler: async ({ ctx, query }) => scimJson(await findScimGroups(ctx, query)) },
  {
    method: "POST",
    path: "/Groups",
    handler: async ({ ctx, body }) => created(toScimGroup(await createScimGroup(ctx, body), ctx.baseUrl)),
  },
  {
    method: "GET",
    path: "/Groups/:id",
    handler: async ({ ctx, params, query }) => {
      const row = await loadGroupRow(ctx.db, ctx.caller.tenantId, params.id!);
      if (!row) throw notFound("Group");
      return scimJson(toScimGroup(row, ctx.baseUrl, withMembers(query)));
    },
  },
  {
    method: "PUT",
    path: "/Groups/:id",
    handler: async ({ ctx, params, body }) =>
      scimJson(toScimGroup(await replaceScimGroup(ctx, params.id!, body), ctx.baseUrl)),
  },
  // Entra expects 204 (or 200) to a group PATCH; 204 spares serialising large member lists.
  {
    method: "PATCH",
    path: "/Groups/:id",
    handler: async ({ ctx, params, body }) => (await patchScimGroup(ctx, params.id!, body), scimNoContent()),
  },
  {
    method: "DELETE",
    path: "/Groups/:id",
    handler: async ({ ctx, params }) => (await deleteScimGroup(ctx, params.id!), scimNoContent()),
  },
];

function created(resource: { meta: { location: string } }): Response {
  return scimJson(resource, 201, { Location: resource.meta.location });
}
