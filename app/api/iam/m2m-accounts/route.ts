import { json } from "@/lib/http/json";
import { withAuth } from "@/lib/http/with-auth";
import { createM2mAccount } from "@/lib/iam/m2m-accounts/create-m2m-account";
import { findM2mAccounts } from "@/lib/iam/m2m-accounts/find-m2m-accounts";
import { createM2mAccountSchema } from "@/lib/iam/m2m-accounts/schemas";
import { pageQuery } from "@/lib/validation/common";

export const GET = withAuth(async ({ ctx, query }) => json(await findM2mAccounts(ctx.db, query)), { permission: "iam:read", query: pageQuery });

export const POST = withAuth(async ({ ctx, body }) => json(await createM2mAccount(ctx.db, ctx, body), 201), {
  permission: "iam:write",
  body: createM2mAccountSchema,
});
