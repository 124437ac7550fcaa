import { recordAuditEvent, type AuditContext } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { CreateServerInput } from "./schemas";
import { toServerRecord, toToolRecord } from "./server-record";

export async function createServer(db: Db, ctx: AuditContext, input: CreateServerInput) {
  // A server restriction narrows servers:write too: a restricted token manages only the servers
  // it names, so it may not register any other (it may re-create one it names).
  const principal = ctx.principal;
  if (principal?.kind === "token" && principal.servers !== null && !principal.servers.includes(input.slug)) {
    throw new AppError("forbidden", "This token is restricted to other servers and cannot register this one.", {
      reason: "server restriction",
    });
  }
  return db.$transaction(async (tx) => {
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
    const record = toServerRecord(server, { toolCount: server.tools.length, tools: server.tools.map(toToolRecord) });
    await recordAuditEvent(tx, ctx, {
      action: "server.create",
      target: { type: "server", id: server.id, name: server.slug },
      after: record,
    });
    return record;
  });
}
