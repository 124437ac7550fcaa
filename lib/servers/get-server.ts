import { toolWhereForServer } from "@/lib/access/access-where";
import { grantFor } from "@/lib/access/effective-access";
import type { OperationContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { findVisibleServer } from "./find-servers";
import type { ServerRecord, ToolRecord } from "./schemas";
import { toServerRecord, toToolRecord } from "./server-record";

/** The visible tools of a visible server; 404 (same as absent) otherwise. */
export async function getServerTools(
  ctx: OperationContext,
  input: { slug: string },
): Promise<{ server: NonNullable<Awaited<ReturnType<typeof findVisibleServer>>>; tools: ToolRecord[] }> {
  const server = await findVisibleServer(ctx.db, ctx.access, input.slug);
  if (!server) throw new AppError("not_found", `No server ${input.slug}.`);
  const grant = grantFor(ctx.access, input.slug);
  const tools = await ctx.db.tool.findMany({
    where: { serverId: server.id, ...toolWhereForServer(ctx.access, grant?.tools ?? new Set()) },
    orderBy: { name: "asc" },
  });
  return { server, tools: tools.map(toToolRecord) };
}

/** One visible server with its visible tools; 404 for an invisible server as for an absent one. */
export async function getServer(ctx: OperationContext, input: { slug: string }): Promise<ServerRecord> {
  const { server, tools } = await getServerTools(ctx, input);
  return toServerRecord(server, { toolCount: tools.length, tools });
}
