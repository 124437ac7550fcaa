import type { z } from "zod";
import type { Permission } from "@/lib/access/permissions";
import { auditQuery } from "@/lib/audit/find-audit-events";
import { createGroupSchema, updateGroupSchema } from "@/lib/iam/groups/schemas";
import { createM2mAccountSchema, updateM2mAccountSchema } from "@/lib/iam/m2m-accounts/schemas";
import { createUserSchema, updateUserSchema } from "@/lib/iam/users/schemas";
import { explainSchema } from "@/lib/iam/explain/schemas";
import { createServerSchema, replaceToolsSchema, serverListQuery, updateServerSchema } from "@/lib/servers/schemas";
import { createTokenSchema, rotateTokenSchema } from "@/lib/tokens/schemas";
import { pageQuery } from "@/lib/validation/common";

export interface RouteDoc {
  method: "get" | "post" | "patch" | "put" | "delete";
  path: string;
  summary: string;
  permission?: Permission;
  query?: z.ZodType;
  body?: z.ZodType;
  status?: number;
  public?: boolean;
}

/** Every API route with the same Zod schemas its handler parses with (no hand-written copy). */
export const ROUTES: RouteDoc[] = [
  { method: "get", path: "/api/me", summary: "The caller: kind, id, display name, groups with reasons, permissions" },
  { method: "get", path: "/api/servers", summary: "Visible servers", query: serverListQuery },
  { method: "post", path: "/api/servers", summary: "Register a server", permission: "servers:write", body: createServerSchema, status: 201 },
  { method: "get", path: "/api/servers/{slug}", summary: "One visible server with its visible tools" },
  { method: "patch", path: "/api/servers/{slug}", summary: "Update a server", permission: "servers:write", body: updateServerSchema },
  { method: "delete", path: "/api/servers/{slug}", summary: "Delete a server", permission: "servers:write", status: 204 },
  { method: "get", path: "/api/servers/{slug}/tools", summary: "Visible tools of a server" },
  { method: "put", path: "/api/servers/{slug}/tools", summary: "Replace the tool list", permission: "servers:write", body: replaceToolsSchema },
  { method: "get", path: "/api/tools", summary: "Search visible tools across servers", query: pageQuery },
  { method: "get", path: "/api/iam/groups", summary: "Groups", permission: "iam:read", query: pageQuery },
  { method: "post", path: "/api/iam/groups", summary: "Create a group", permission: "iam:write", body: createGroupSchema, status: 201 },
  { method: "get", path: "/api/iam/groups/{name}", summary: "One group", permission: "iam:read" },
  { method: "patch", path: "/api/iam/groups/{name}", summary: "Update a group (optimistic concurrency via version)", permission: "iam:write", body: updateGroupSchema },
  { method: "delete", path: "/api/iam/groups/{name}", summary: "Delete a group", permission: "iam:write", status: 204 },
  { method: "get", path: "/api/iam/users", summary: "Users", permission: "iam:read", query: pageQuery },
  { method: "post", path: "/api/iam/users", summary: "Pre-provision a user by tenantId + objectId", permission: "iam:write", body: createUserSchema, status: 201 },
  { method: "get", path: "/api/iam/users/{id}", summary: "One user", permission: "iam:read" },
  { method: "patch", path: "/api/iam/users/{id}", summary: "Update a user's groups or enabled state", permission: "iam:write", body: updateUserSchema },
  { method: "get", path: "/api/iam/m2m-accounts", summary: "M2M accounts", permission: "iam:read", query: pageQuery },
  { method: "post", path: "/api/iam/m2m-accounts", summary: "Link an Entra app registration", permission: "iam:write", body: createM2mAccountSchema, status: 201 },
  { method: "get", path: "/api/iam/m2m-accounts/{id}", summary: "One M2M account", permission: "iam:read" },
  { method: "patch", path: "/api/iam/m2m-accounts/{id}", summary: "Update an M2M account", permission: "iam:write", body: updateM2mAccountSchema },
  { method: "delete", path: "/api/iam/m2m-accounts/{id}", summary: "Delete an M2M account", permission: "iam:write", status: 204 },
  { method: "post", path: "/api/iam/explain", summary: "View as a user, M2M account, group or token: validation steps and effective access with reasons", permission: "iam:read", body: explainSchema },
  { method: "get", path: "/api/tokens", summary: "Your API tokens", permission: "tokens:create", query: pageQuery },
  { method: "post", path: "/api/tokens", summary: "Create an API token (the secret is returned once)", permission: "tokens:create", body: createTokenSchema, status: 201 },
  { method: "delete", path: "/api/tokens/{id}", summary: "Revoke an API token", permission: "tokens:create", status: 204 },
  { method: "post", path: "/api/tokens/{id}/rotate", summary: "Rotate an API token with a grace period", permission: "tokens:create", body: rotateTokenSchema },
  { method: "get", path: "/api/audit", summary: "Audit events (json, csv, jsonl)", permission: "audit:read", query: auditQuery },
  { method: "get", path: "/api/health", summary: "Liveness: database and Entra key cache state", public: true },
];
