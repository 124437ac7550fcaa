import { json } from "@/lib/http/json";
import { withAuth } from "@/lib/http/with-auth";
import { findTools } from "@/lib/servers/find-tools";
import { pageQuery } from "@/lib/validation/common";

export const GET = withAuth(async ({ ctx, query }) => json(await findTools(ctx.db, ctx.access, query)), { query: pageQuery });
