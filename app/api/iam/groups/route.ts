import { json } from "@/lib/http/json";
import { withAuth } from "@/lib/http/with-auth";
import { createGroup } from "@/lib/iam/groups/create-group";
import { findGroups } from "@/lib/iam/groups/find-groups";
import { createGroupSchema } from "@/lib/iam/groups/schemas";
import { pageQuery } from "@/lib/validation/common";

export const GET = withAuth(async ({ ctx, query }) => json(await findGroups(ctx.db, query)), { permission: "iam:read", query: pageQuery });

export const POST = withAuth(async ({ ctx, body }) => json(await createGroup(ctx.db, ctx, body), 201), {
  permission: "iam:write",
  body: createGroupSchema,
});
