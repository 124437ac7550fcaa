import { cachedCatalogJson } from "@/lib/http/catalog-response-cache";
import { withAuth } from "@/lib/http/with-auth";
import { findTools } from "@/lib/servers/find-tools";
import { pageQuery } from "@/lib/validation/common";

export const GET = withAuth(async ({ ctx, query, request }) => cachedCatalogJson(ctx, request, () => findTools(ctx.db, ctx.access, query)), { query: pageQuery });
