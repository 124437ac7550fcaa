import { json } from "@/lib/http/json";
import { withAuth } from "@/lib/http/with-auth";
import { createToken } from "@/lib/tokens/create-token";
import { findTokens } from "@/lib/tokens/find-tokens";
import { createTokenSchema } from "@/lib/tokens/schemas";
import { pageQuery } from "@/lib/validation/common";

export const GET = withAuth(async ({ ctx, query }) => json(await findTokens(ctx, query)), { permission: "tokens:create", query: pageQuery });

export const POST = withAuth(async ({ ctx, body }) => json(await createToken(ctx, body), 201), {
  permission: "tokens:create",
  body: createTokenSchema,
});
