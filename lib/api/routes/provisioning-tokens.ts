import { defineRoute } from "@/lib/api/route-definition";
import { createProvisioningToken } from "@/lib/iam/provisioning-tokens/create-provisioning-token";
import { findProvisioningTokens } from "@/lib/iam/provisioning-tokens/find-provisioning-tokens";
import { revokeProvisioningToken } from "@/lib/iam/provisioning-tokens/revoke-provisioning-token";
import { createProvisioningTokenSchema } from "@/lib/iam/provisioning-tokens/schemas";
import { json, noContent } from "@/lib/http/json";
import { idParams } from "@/lib/http/route-params";
import { pageQuery } from "@/lib/validation/common";

/** SCIM provisioning secrets (Settings > IAM > Provisioning); the secrets work only on /scim/v2. */
export const provisioningTokenRoutes = [
  defineRoute({
    method: "GET",
    path: "/api/iam/provisioning-tokens",
    summary: "Provisioning secrets for SCIM",
    permission: "iam:read",
    query: pageQuery,
    handler: async ({ ctx, query }) => json(await findProvisioningTokens(ctx, query)),
  }),
  defineRoute({
    method: "POST",
    path: "/api/iam/provisioning-tokens",
    summary: "Create a SCIM provisioning secret (returned once)",
    permission: "iam:write",
    body: createProvisioningTokenSchema,
    status: 201,
    handler: async ({ ctx, body }) => json(await createProvisioningToken(ctx, body), 201),
  }),
  defineRoute({
    method: "DELETE",
    path: "/api/iam/provisioning-tokens/{id}",
    summary: "Revoke a SCIM provisioning secret",
    permission: "iam:write",
    params: idParams,
    status: 204,
    handler: async ({ ctx, params }) => {
      await revokeProvisioningToken(ctx, params);
      return noContent();
    },
  }),
];
