import { recordAuditEvent, type AuditContext } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { loadM2mAccountRow, toM2mAccountRecord } from "./m2m-account-record";

export async function deleteM2mAccount(db: Db, ctx: AuditContext, id: string) {
  await db.$transaction(async (tx) => {
    const row = await loadM2mAccountRow(tx, id);
    if (!row) throw new AppError("not_found", "No such M2M account.");
    await tx.m2mAccount.delete({ where: { id } });
    await recordAuditEvent(tx, ctx, {
      action: "m2m-account.delete",
      target: { type: "m2m-account", id, name: row.name },
      before: toM2mAccountRecord(row),
    });
  });
}
