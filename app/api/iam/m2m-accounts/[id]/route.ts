import { AppError } from "@/lib/errors";
import { json, noContent } from "@/lib/http/json";
import { idParams } from "@/lib/http/route-params";
import { withAuth } from "@/lib/http/with-auth";
import { deleteM2mAccount } from "@/lib/iam/m2m-accounts/delete-m2m-account";
import { getM2mAccount } from "@/lib/iam/m2m-accounts/find-m2m-accounts";
import { updateM2mAccountSchema } from "@/lib/iam/m2m-accounts/schemas";
import { updateM2mAccount } from "@/lib/iam/m2m-accounts/update-m2m-account";

export const GET = withAuth(
  async ({ ctx, params }) => {
    const account = await getM2mAccount(ctx.db, params.id);
    if (!account) throw new AppError("not_found", "No such M2M account.");
    return json(account);
  },
  { permission: "iam:read", params: idParams },
);

export const PATCH = withAuth(async ({ ctx, params, body }) => json(await updateM2mAccount(ctx.db, ctx, params.id, body)), {
  permission: "iam:write",
  params: idParams,
  body: updateM2mAccountSchema,
});

export const DELETE = withAuth(
  async ({ ctx, params }) => {
    await deleteM2mAccount(ctx.db, ctx, params.id);
    return noContent();
  },
  { permission: "iam:write", params: idParams },
);
