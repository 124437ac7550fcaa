import { AppError } from "@/lib/errors";
import { json } from "@/lib/http/json";
import { idParams } from "@/lib/http/route-params";
import { withAuth } from "@/lib/http/with-auth";
import { getUser } from "@/lib/iam/users/find-users";
import { updateUserSchema } from "@/lib/iam/users/schemas";
import { updateUser } from "@/lib/iam/users/update-user";

export const GET = withAuth(
  async ({ ctx, params }) => {
    const user = await getUser(ctx.db, params.id);
    if (!user) throw new AppError("not_found", "No such user.");
    return json(user);
  },
  { permission: "iam:read", params: idParams },
);

export const PATCH = withAuth(async ({ ctx, params, body }) => json(await updateUser(ctx.db, ctx, params.id, body)), {
  permission: "iam:write",
  params: idParams,
  body: updateUserSchema,
});
