import { noContent } from "@/lib/http/json";
import { idParams } from "@/lib/http/route-params";
import { withAuth } from "@/lib/http/with-auth";
import { revokeToken } from "@/lib/tokens/revoke-token";

export const DELETE = withAuth(
  async ({ ctx, params }) => {
    await revokeToken(ctx, params.id);
    return noContent();
  },
  { permission: "tokens:create", params: idParams },
);
