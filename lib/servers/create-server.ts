import { requirePermission } from "@/lib/access/authorize";
import { auditedChange } from "@/lib/audit/audited-change";
import type { OperationContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import type { CreateServerInput } from "./schemas";
import { toServerRecord, toToolRecord } from "./server-record";

export async function createServer(ctx: OperationContext, input: CreateServerInput) {
  requirePermission(ctx, "servers:write");
  // A server restriction narrows servers:write too: a restricted token manages only the servers
  // it names, so it may not register any other (it may re-create one it names).
  if (ctx.access.restriction && !ctx.access.restriction.has(input.slug)) {
    throw new AppError("forbidden", "This token is restricted to other servers and cannot register this one.", {
      reason: "server restriction",
    });
  }
  return auditedChange(ctx.db, ctx, async ({ tx, record }) => {
    if (await tx.server.findUnique({ where: { slug: input.slug }, select: { id: true } })) {
      throw new AppError("conflict", `A server with slug ${input.slug} already exists.`);
    }
    const actor = ctx.principal?.displayName ?? "system";
    const server = await tx.server.create({
      data: {
        slug: input.slug,
        name: input.name,
        description: input.description,
        url: input.url,
        transport: input.transport,
        version: input.version,
        enabled: input.enabled,
        createdBy: actor,
        updatedBy: actor,
        tags: { create: [...new Set(input.tags)].map((tag) => ({ tag })) },
        tools: {
          create: (input.tools ?? []).map((tool) => ({
            name: tool.name,
            description: tool.description,
            inputSchema: tool.inputSchema as object,
          })),
        },
      },
      include: { tags: true, tools: { orderBy: { name: "asc" } } },
    });
    const created = toServerRecord(server, { toolCount: server.tools.length, tools: server.tools.map(toToolRecord) });
    record({ action: "server.create", target: { type: "server", id: server.id, name: server.slug }, after: created });
    return created;
  });
}
