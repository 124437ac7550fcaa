import { requirePermission } from "@/lib/access/authorize";
import { auditedChange } from "@/lib/audit/audited-change";
import type { OperationContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { loadM2mAccountRow, toM2mAccountRecord } from "./m2m-account-record";

export async function deleteM2mAccount(ctx: OperationContext, { id }: { id: string }): Promise<void> {
  requirePermission(ctx, "iam:write");
  await auditedChange(ctx.db, ctx, async ({ tx, record }) => {
    const row = await loadM2mAccountRow(tx, id);
    if (!row) throw new AppError("not_found", "No such M2M account.");
    await tx.m2mAccount.delete({ where: { id } });
    record({
      action: "m2m-account.delete",
      target: { type: "m2m-account", id, name: row.name },
      before: toM2mAccountRecord(row),
    });
  });
}
