import type { Db } from "@/lib/db";

/**
 * Every registered server's slug, enabled or not and regardless of the caller's access: for the
 * group editor's "no such server" warning, shown only to people who may edit groups (and so may
 * grant themselves any server anyway).
 */
export async function findServerSlugs(db: Db): Promise<string[]> {
  const rows = await db.server.findMany({ select: { slug: true }, orderBy: { slug: "asc" } });
  return rows.map((row) => row.slug);
}
