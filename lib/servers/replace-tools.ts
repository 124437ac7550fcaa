import { recordAuditEvent, type AuditContext } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ToolInput } from "./schemas";
import { toToolRecord } from "./server-record";

/** Replaces a server's whole tool list (PUT semantics), in one transaction. */
export async function replaceTools(db: Db, ctx: AuditContext, slug: string, tools: ToolInput[]) {
  return db.$transaction(async (tx) => {
    const server = await tx.server.findUnique({ where: { slug }, include: { tools: { orderBy: { name: "asc" } } } });
    if (!server) throw new AppError("not_found", `No server ${slug}.`);
    await tx.tool.deleteMany({ where: { serverId: server.id } });
    if (tools.length > 0) {
      await tx.tool.createMany({
        data: tools.map((tool) => ({
          serverId: server.id,
          name: tool.name,
          description: tool.description,
          inputSchema: tool.inputSchema as object,
        })),
      });
    }
    await tx.server.update({ where: { id: server.id }, data: { updatedBy: ctx.principal?.displayName ?? "system" } });
    const after = tools.map(toToolRecord).sort((a, b) => a.name.localeCompare(b.name));
    await recordAuditEvent(tx, ctx, {
      action: "server.tools.replace",
      target: { type: "server", id: server.id, name: slug },
      before: { tools: server.tools.map((tool) => tool.name) },
      after: { tools: after.map((tool) => tool.name) },
    });
    return after;
  });
}
