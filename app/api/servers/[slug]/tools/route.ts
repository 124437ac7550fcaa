import { requireCatalogWrite } from "@/lib/access/require-catalog-write";
import { json } from "@/lib/http/json";
import { slugParams } from "@/lib/http/route-params";
import { withAuth } from "@/lib/http/with-auth";
import { getVisibleTools } from "@/lib/servers/get-server";
import { replaceTools } from "@/lib/servers/replace-tools";
import { replaceToolsSchema } from "@/lib/servers/schemas";

export const GET = withAuth(
  async ({ ctx, params }) => {
    const { tools } = await getVisibleTools(ctx.db, ctx.access, params.slug);
    return json({ items: tools, nextCursor: null });
  },
  { params: slugParams },
);

export const PUT = withAuth(
  async ({ ctx, params, body }) => {
    await requireCatalogWrite(ctx.db, ctx.access, params.slug);
    return json({ items: await replaceTools(ctx.db, ctx, params.slug, body.tools), nextCursor: null });
  },
  { params: slugParams, body: replaceToolsSchema },
);
