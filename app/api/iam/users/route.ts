import { json } from "@/lib/http/json";
import { withAuth } from "@/lib/http/with-auth";
import { createUser } from "@/lib/iam/users/create-user";
import { findUsers } from "@/lib/iam/users/find-users";
import { createUserSchema } from "@/lib/iam/users/schemas";
import { pageQuery } from "@/lib/validation/common";

export const GET = withAuth(async ({ ctx, query }) => json(await findUsers(ctx.db, query)), { permission: "iam:read", query: pageQuery });

export const POST = withAuth(async ({ ctx, body }) => json(await createUser(ctx.db, ctx, body), 201), {
  permission: "iam:write",
  body: createUserSchema,
});
