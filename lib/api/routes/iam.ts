import { defineRoute } from "@/lib/api/route-definition";
import { json, noContent } from "@/lib/http/json";
import { idParams, nameParams } from "@/lib/http/route-params";
import { explain } from "@/lib/iam/explain/explain";
import { explainSchema } from "@/lib/iam/explain/schemas";
import { createGroup } from "@/lib/iam/groups/create-group";
import { deleteGroup } from "@/lib/iam/groups/delete-group";
import { findGroups, getGroup, groupListQuery } from "@/lib/iam/groups/find-groups";
import { createGroupSchema, updateGroupSchema } from "@/lib/iam/groups/schemas";
import { updateGroup } from "@/lib/iam/groups/update-group";
import { createM2mAccount } from "@/lib/iam/m2m-accounts/create-m2m-account";
import { deleteM2mAccount } from "@/lib/iam/m2m-accounts/delete-m2m-account";
import { findM2mAccounts, getM2mAccount, m2mAccountListQuery } from "@/lib/iam/m2m-accounts/find-m2m-accounts";
import { createM2mAccountSchema, updateM2mAccountSchema } from "@/lib/iam/m2m-accounts/schemas";
import { updateM2mAccount } from "@/lib/iam/m2m-accounts/update-m2m-account";
import { createUser } from "@/lib/iam/users/create-user";
import { findUsers, getUser, userListQuery } from "@/lib/iam/users/find-users";
import { createUserSchema, updateUserSchema } from "@/lib/iam/users/schemas";
import { signOutUser } from "@/lib/iam/users/sign-out-user";
import { updateUser } from "@/lib/iam/users/update-user";

/** Settings > IAM: groups, users, M2M accounts and the access explainer. */
export const iamRoutes = [
  defineRoute({
    method: "GET",
    path: "/api/iam/groups",
    summary: "Groups (sort: name, createdAt, updatedAt, - for descending)",
    permission: "iam:read",
    query: groupListQuery,
    handler: async ({ ctx, query }) => json(await findGroups(ctx, query)),
  }),
  defineRoute({
    method: "POST",
    path: "/api/iam/groups",
    summary: "Create a group",
    permission: "iam:write",
    body: createGroupSchema,
    status: 201,
    handler: async ({ ctx, body }) => json(await createGroup(ctx, body), 201),
  }),
  defineRoute({
    method: "GET",
    path: "/api/iam/groups/{name}",
    summary: "One group",
    permission: "iam:read",
    params: nameParams,
    handler: async ({ ctx, params }) => json(await getGroup(ctx, params)),
  }),
  defineRoute({
    method: "PATCH",
    path: "/api/iam/groups/{name}",
    summary: "Update a group (optimistic concurrency via version)",
    permission: "iam:write",
    params: nameParams,
    body: updateGroupSchema,
    handler: async ({ ctx, params, body }) => json(await updateGroup(ctx, { name: params.name, changes: body })),
  }),
  defineRoute({
    method: "DELETE",
    path: "/api/iam/groups/{name}",
    summary: "Delete a group",
    permission: "iam:write",
    params: nameParams,
    status: 204,
    handler: async ({ ctx, params }) => {
      await deleteGroup(ctx, params);
      return noContent();
    },
  }),
  defineRoute({
    method: "GET",
    path: "/api/iam/users",
    summary: "Users (sort: name, lastSignInAt, createdAt, - for descending; filters: enabled, group)",
    permission: "iam:read",
    query: userListQuery,
    handler: async ({ ctx, query }) => json(await findUsers(ctx, query)),
  }),
  defineRoute({
    method: "POST",
    path: "/api/iam/users",
    summary: "Pre-provision a user by tenantId + objectId",
    permission: "iam:write",
    body: createUserSchema,
    status: 201,
    handler: async ({ ctx, body }) => json(await createUser(ctx, body), 201),
  }),
  defineRoute({
    method: "GET",
    path: "/api/iam/users/{id}",
    summary: "One user",
    permission: "iam:read",
    params: idParams,
    handler: async ({ ctx, params }) => json(await getUser(ctx, params)),
  }),
  defineRoute({
    method: "PATCH",
    path: "/api/iam/users/{id}",
    summary: "Update a user's groups or enabled state",
    permission: "iam:write",
    params: idParams,
    body: updateUserSchema,
    handler: async ({ ctx, params, body }) => json(await updateUser(ctx, { id: params.id, changes: body })),
  }),
  defineRoute({
    method: "POST",
    path: "/api/iam/users/{id}/sign-out",
    summary: "Sign a user out everywhere: end all their sessions (their API tokens keep working)",
    permission: "iam:write",
    params: idParams,
    handler: async ({ ctx, params }) => json(await signOutUser(ctx, params)),
  }),
  defineRoute({
    method: "GET",
    path: "/api/iam/m2m-accounts",
    summary: "M2M accounts (sort: name, lastUsedAt, createdAt, - for descending; filters: enabled, group)",
    permission: "iam:read",
    query: m2mAccountListQuery,
    handler: async ({ ctx, query }) => json(await findM2mAccounts(ctx, query)),
  }),
  defineRoute({
    method: "POST",
    path: "/api/iam/m2m-accounts",
    summary: "Link an Entra app registration",
    permission: "iam:write",
    body: createM2mAccountSchema,
    status: 201,
    handler: async ({ ctx, body }) => json(await createM2mAccount(ctx, body), 201),
  }),
  defineRoute({
    method: "GET",
    path: "/api/iam/m2m-accounts/{id}",
    summary: "One M2M account",
    permission: "iam:read",
    params: idParams,
    handler: async ({ ctx, params }) => json(await getM2mAccount(ctx, params)),
  }),
  defineRoute({
    method: "PATCH",
    path: "/api/iam/m2m-accounts/{id}",
    summary: "Update an M2M account",
    permission: "iam:write",
    params: idParams,
    body: updateM2mAccountSchema,
    handler: async ({ ctx, params, body }) => json(await updateM2mAccount(ctx, { id: params.id, changes: body })),
  }),
  defineRoute({
    method: "DELETE",
    path: "/api/iam/m2m-accounts/{id}",
    summary: "Delete an M2M account",
    permission: "iam:write",
    params: idParams,
    status: 204,
    handler: async ({ ctx, params }) => {
      await deleteM2mAccount(ctx, params);
      return noContent();
    },
  }),
  defineRoute({
    method: "POST",
    path: "/api/iam/explain",
    summary: "View as a user, M2M account, group or token: validation steps and effective access with reasons",
    permission: "iam:read",
    body: explainSchema,
    handler: async ({ ctx, body }) => json(await explain(ctx, body)),
  }),
];
