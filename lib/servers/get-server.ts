import { toolWhereForServer } from "@/lib/access/access-where";
import { grantFor, type EffectiveAccess } from "@/lib/access/effective-access";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { findVisibleServer } from "./find-servers";
import type { ServerRecord, ToolRecord } from "./schemas";
import { toServerRecord, toToolRecord } from "./server-record";

/** The visible tools of a visible server; 404 (same as absent) otherwise. */
export async function getVisibleTools(
  db: Db,
  access: EffectiveAccess,
  slug: string,
): Promise<{ server: NonNullable<Awaited<ReturnType<typeof findVisibleServer>>>; tools: ToolRecord[] }> {
  const server = await findVisibleServer(db, access, slug);
  if (!server) throw new AppError("not_found", `No server ${slug}.`);
  const grant = grantFor(access, slug);
  const tools = await db.tool.findMany({
    where: { serverId: server.id, ...toolWhereForServer(access, grant?.tools ?? new Set()) },
    orderBy: { name: "asc" },
  });
  return { server, tools: tools.map(toToolRecord) };
}

export async function getServer(db: Db, access: EffectiveAccess, slug: string): Promise<ServerRecord> {
  const { server, tools } = await getVisibleTools(db, access, slug);
  return toServerRecord(server, { toolCount: tools.length, tools });
}
