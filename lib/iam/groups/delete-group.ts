import { requirePermission } from "@/lib/access/authorize";
import { auditedChange } from "@/lib/audit/audited-change";
import type { OperationContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { loadGroupRow, toGroupRecord } from "./group-record";

export async function deleteGroup(ctx: OperationContext, { name }: { name: string }): Promise<void> {
  requirePermission(ctx, "iam:write");
  await auditedChange(ctx.db, ctx, async ({ tx, record }) => {
    const row = await loadGroupRow(tx, { name });
    if (!row) throw new AppError("not_found", `No group named ${name}.`);
    if (row.builtIn) throw new AppError("conflict", `${name} is built in and cannot be deleted.`);
    await tx.group.delete({ where: { id: row.id } });
    record({ action: "group.delete", target: { type: "group", id: row.id, name }, before: toGroupRecord(row) });
  });
}
