import { recordAuditEvent, type AuditContext } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { loadGroupRow, toGroupRecord } from "./group-record";

export async function deleteGroup(db: Db, ctx: AuditContext, name: string) {
  await db.$transaction(async (tx) => {
    const row = await loadGroupRow(tx, { name });
    if (!row) throw new AppError("not_found", `No group named ${name}.`);
    if (row.builtIn) throw new AppError("conflict", `${name} is built in and cannot be deleted.`);
    await tx.group.delete({ where: { id: row.id } });
    await recordAuditEvent(tx, ctx, {
      action: "group.delete",
      target: { type: "group", id: row.id, name },
      before: toGroupRecord(row),
    });
  });
}
