import { requireCatalogWrite } from "@/lib/access/require-catalog-write";
import { json, noContent } from "@/lib/http/json";
import { slugParams } from "@/lib/http/route-params";
import { withAuth } from "@/lib/http/with-auth";
import { deleteServer } from "@/lib/servers/delete-server";
import { getServer } from "@/lib/servers/get-server";
import { updateServerSchema } from "@/lib/servers/schemas";
import { updateServer } from "@/lib/servers/update-server";

export const GET = withAuth(async ({ ctx, params }) => json(await getServer(ctx.db, ctx.access, params.slug)), { params: slugParams });

export const PATCH = withAuth(
  async ({ ctx, params, body }) => {
    await requireCatalogWrite(ctx.db, ctx.access, params.slug);
    return json(await updateServer(ctx.db, ctx, params.slug, body));
  },
  { params: slugParams, body: updateServerSchema },
);

export const DELETE = withAuth(
  async ({ ctx, params }) => {
    await requireCatalogWrite(ctx.db, ctx.access, params.slug);
    await deleteServer(ctx.db, ctx, params.slug);
    return noContent();
  },
  { params: slugParams },
);
