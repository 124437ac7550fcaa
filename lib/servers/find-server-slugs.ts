import { requirePermission } from "@/lib/access/authorize";
import type { OperationContext } from "@/lib/context";

/**
 * Every registered server's slug, enabled or not, for the group editor's "no such server"
 * warning. A request read, not a system one: it needs iam:write, and then returns every slug
 * whatever the caller's catalog access. Deliberately so: whoever may edit groups may grant
 * themselves any server (a rule on "*"), so hiding a slug would protect nothing, and the
 * warning would wrongly call a server they cannot see today "missing".
 */
export async function findServerSlugs(ctx: OperationContext): Promise<string[]> {
  requirePermission(ctx, "iam:write");
  const rows = await ctx.db.server.findMany({ select: { slug: true }, orderBy: { slug: "asc" } });
  return rows.map((row) => row.slug);
}
