import { recordAuditEvent, type AuditContext } from "@/lib/audit/record-audit-event";
import { updateAction } from "@/lib/audit/update-action";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { UpdateServerInput } from "./schemas";
import { toServerRecord } from "./server-record";

export async function updateServer(db: Db, ctx: AuditContext, slug: string, input: UpdateServerInput) {
  return db.$transaction(async (tx) => {
    const row = await tx.server.findUnique({ where: { slug }, include: { tags: true } });
    if (!row) throw new AppError("not_found", `No server ${slug}.`);
    const { tags, ...fields } = input;
    if (tags) {
      await tx.serverTag.deleteMany({ where: { serverId: row.id } });
      await tx.serverTag.createMany({ data: [...new Set(tags)].map((tag) => ({ serverId: row.id, tag })) });
    }
    const updated = await tx.server.update({
      where: { id: row.id },
      data: { ...fields, updatedBy: ctx.principal?.displayName ?? "system" },
      include: { tags: true },
    });
    const after = toServerRecord(updated);
    await recordAuditEvent(tx, ctx, {
      action: updateAction("server", row.enabled, after.enabled),
      target: { type: "server", id: row.id, name: slug },
      before: toServerRecord(row),
      after,
    });
    return after;
  });
}
