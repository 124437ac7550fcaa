import { serverWhere } from "@/lib/access/access-where";
import { canSeeServer } from "@/lib/access/effective-access";
import type { OperationContext } from "@/lib/context";
import { containsInsensitive } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { decodeCursor, toPage } from "@/lib/validation/common";
import { slugOfDerivedName } from "./registry-name";
import type { OfficialListQuery } from "./schemas";
import { publishedVersion, toServerResponse, UNVERSIONED } from "./server-json";

const SELECT = {
  slug: true,
  registryName: true,
  registryMetadata: true,
  name: true,
  description: true,
  version: true,
  enabled: true,
  createdAt: true,
  updatedAt: true,
} as const;

function versionWhere(version: string | undefined) {
  // Every server has exactly one version here, and it is the latest.
  if (version === undefined || version === "latest") return {};
  return version === UNVERSIONED ? { version: { in: ["", UNVERSIONED] } } : { version };
}

function searchWhere(search: string | undefined, registryUrl: string) {
  if (!search) return {};
  const slugPart = slugOfDerivedName(search, registryUrl) ?? search;
  return {
    OR: [
      { registryName: containsInsensitive(search) },
      { AND: [{ registryName: null }, { slug: { contains: slugPart.toLowerCase() } }] },
      { name: containsInsensitive(search) },
    ],
  };
}

/** GET /v0.1/servers: the caller's visible servers (the same filter as /api/servers), keyset-paged by slug. */
export async function findOfficialServers(
  ctx: OperationContext,
  { query, registryUrl }: { query: OfficialListQuery; registryUrl: string },
) {
  const after = decodeCursor(query.cursor, ["text"])?.[0];
  const rows = await ctx.db.server.findMany({
    where: {
      AND: [
        serverWhere(ctx.access),
        typeof after === "string" ? { slug: { gt: after } } : {},
        query.updated_since ? { updatedAt: { gte: new Date(query.updated_since) } } : {},
        versionWhere(query.version),
        searchWhere(query.search, registryUrl),
      ],
    },
    select: SELECT,
    orderBy: { slug: "asc" },
    take: query.limit + 1,
  });
  const page = toPage(rows, query.limit, (row) => [row.slug]);
  return {
    servers: page.rows.map((row) => toServerResponse(row, registryUrl)),
    metadata: { count: page.rows.length, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) },
  };
}

/**
 * One visible server by its official name (imported, or derived from the slug); an invisible
 * server is answered exactly like an absent one.
 */
export async function getOfficialServer(
  ctx: OperationContext,
  { name, registryUrl }: { name: string; registryUrl: string },
) {
  const { db } = ctx;
  const slug = slugOfDerivedName(name, registryUrl);
  const row =
    (await db.server.findUnique({ where: { registryName: name }, select: SELECT })) ??
    (slug !== null ? await db.server.findFirst({ where: { slug, registryName: null }, select: SELECT }) : null);
  if (!row || !canSeeServer(ctx.access, row.slug, row.enabled))
    throw new AppError("not_found", `No server named ${name}.`);
  return row;
}

/** GET /v0.1/servers/{name}/versions/{version}: `latest` or the server's one version. */
export async function getOfficialServerVersion(
  ctx: OperationContext,
  { name, version, registryUrl }: { name: string; version: string; registryUrl: string },
) {
  const row = await getOfficialServer(ctx, { name, registryUrl });
  if (version !== "latest" && version !== publishedVersion(row))
    throw new AppError("not_found", `Server ${name} has no version ${version}.`);
  return toServerResponse(row, registryUrl);
}
