import { json } from "@/lib/http/json";
import { withAuth } from "@/lib/http/with-auth";
import { explain } from "@/lib/iam/explain/explain";
import { explainSchema } from "@/lib/iam/explain/schemas";

export const POST = withAuth(async ({ ctx, body }) => json(await explain(ctx.db, body)), { permission: "iam:read", body: explainSchema });
