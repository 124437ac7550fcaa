import { auditedChange } from "@/lib/audit/audited-change";
import type { OperationContext } from "@/lib/context";
import { requireWritableServer } from "./require-writable-server";
import type { ToolInput } from "./schemas";
import { toToolRecord } from "./server-record";

/** Replaces a server's whole tool list (PUT semantics), in one transaction. */
export async function replaceTools(ctx: OperationContext, input: { slug: string; tools: ToolInput[] }) {
  const { slug, tools } = input;
  return auditedChange(ctx.db, ctx, async ({ tx, record }) => {
    const server = await requireWritableServer(tx, ctx, slug);
    const previous = await tx.tool.findMany({
      where: { serverId: server.id },
      select: { name: true },
      orderBy: { name: "asc" },
    });
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
    record({
      action: "server.tools.replace",
      target: { type: "server", id: server.id, name: slug },
      before: { tools: previous.map((tool) => tool.name) },
      after: { tools: after.map((tool) => tool.name) },
    });
    return after;
  });
}
