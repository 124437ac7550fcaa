import { AppError } from "@/lib/errors";
import { json, noContent } from "@/lib/http/json";
import { nameParams } from "@/lib/http/route-params";
import { withAuth } from "@/lib/http/with-auth";
import { deleteGroup } from "@/lib/iam/groups/delete-group";
import { getGroup } from "@/lib/iam/groups/find-groups";
import { updateGroupSchema } from "@/lib/iam/groups/schemas";
import { updateGroup } from "@/lib/iam/groups/update-group";

export const GET = withAuth(
  async ({ ctx, params }) => {
    const group = await getGroup(ctx.db, params.name);
    if (!group) throw new AppError("not_found", `No group named ${params.name}.`);
    return json(group);
  },
  { permission: "iam:read", params: nameParams },
);

export const PATCH = withAuth(async ({ ctx, params, body }) => json(await updateGroup(ctx.db, ctx, params.name, body)), {
  permission: "iam:write",
  params: nameParams,
  body: updateGroupSchema,
});

export const DELETE = withAuth(
  async ({ ctx, params }) => {
    await deleteGroup(ctx.db, ctx, params.name);
    return noContent();
  },
  { permission: "iam:write", params: nameParams },
);
