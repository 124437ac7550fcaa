import { defineRoute } from "@/lib/api/route-definition";
import { json, noContent } from "@/lib/http/json";
import { idParams } from "@/lib/http/route-params";
import { createToken } from "@/lib/tokens/create-token";
import { allTokensQuery, findAllTokens } from "@/lib/tokens/find-all-tokens";
import { findTokens } from "@/lib/tokens/find-tokens";
import { revokeAnyToken } from "@/lib/tokens/revoke-any-token";
import { revokeToken } from "@/lib/tokens/revoke-token";
import { rotateToken } from "@/lib/tokens/rotate-token";
import { createTokenSchema, rotateTokenSchema } from "@/lib/tokens/schemas";
import { pageQuery } from "@/lib/validation/common";

/** The caller's own registry API tokens. */
export const tokenRoutes = [
  defineRoute({
    method: "GET",
    path: "/api/tokens",
    summary: "Your API tokens",
    permission: "tokens:create",
    query: pageQuery,
    handler: async ({ ctx, query }) => json(await findTokens(ctx, query)),
  }),
  defineRoute({
    method: "POST",
    path: "/api/tokens",
    summary: "Create an API token (the secret is returned once)",
    permission: "tokens:create",
    body: createTokenSchema,
    status: 201,
    handler: async ({ ctx, body }) => json(await createToken(ctx, body), 201),
  }),
  defineRoute({
    method: "DELETE",
    path: "/api/tokens/{id}",
    summary: "Revoke an API token",
    permission: "tokens:create",
    params: idParams,
    status: 204,
    handler: async ({ ctx, params }) => {
      await revokeToken(ctx, params);
      return noContent();
    },
  }),
  defineRoute({
    method: "POST",
    path: "/api/tokens/{id}/rotate",
    summary: "Rotate an API token with a grace period",
    permission: "tokens:create",
    params: idParams,
    body: rotateTokenSchema,
    handler: async ({ ctx, params, body }) => json(await rotateToken(ctx, { ...body, id: params.id })),
  }),
];

/**
 * Everyone's API tokens, for admins: separate rows (not `?owner=all`) because they need other
 * permissions than the own-token routes — reading iam:read, revoking iam:write — and M2M admin
 * automation may use them too (it has no tokens of its own).
 */
export const adminTokenRoutes = [
  defineRoute({
    method: "GET",
    path: "/api/iam/tokens",
    summary: "Every user's API tokens (sort, status: active | expired | revoked | rotating, owner, q)",
    permission: "iam:read",
    query: allTokensQuery,
    handler: async ({ ctx, query }) => json(await findAllTokens(ctx, query)),
  }),
  defineRoute({
    method: "DELETE",
    path: "/api/iam/tokens/{id}",
    summary: "Revoke any user's API token (audited)",
    permission: "iam:write",
    params: idParams,
    status: 204,
    handler: async ({ ctx, params }) => {
      await revokeAnyToken(ctx, params);
      return noContent();
    },
  }),
];
