import { json } from "@/lib/http/json";
import { idParams } from "@/lib/http/route-params";
import { withAuth } from "@/lib/http/with-auth";
import { rotateToken } from "@/lib/tokens/rotate-token";
import { rotateTokenSchema } from "@/lib/tokens/schemas";

export const POST = withAuth(async ({ ctx, params, body }) => json(await rotateToken(ctx, params.id, body)), {
  permission: "tokens:create",
  params: idParams,
  body: rotateTokenSchema,
});
