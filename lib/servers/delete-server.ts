import { recordAuditEvent, type AuditContext } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { toServerRecord } from "./server-record";

export async function deleteServer(db: Db, ctx: AuditContext, slug: string) {
  await db.$transaction(async (tx) => {
    const row = await tx.server.findUnique({ where: { slug }, include: { tags: true } });
    if (!row) throw new AppError("not_found", `No server ${slug}.`);
    await tx.server.delete({ where: { id: row.id } });
    await recordAuditEvent(tx, ctx, {
      action: "server.delete",
      target: { type: "server", id: row.id, name: slug },
      before: toServerRecord(row),
    });
  });
}
