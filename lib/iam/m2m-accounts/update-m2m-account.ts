import { requirePermission } from "@/lib/access/authorize";
import { auditedChange } from "@/lib/audit/audited-change";
import { updateAction } from "@/lib/audit/update-action";
import type { OperationContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { resolveGroupIds } from "../resolve-group-ids";
import { loadM2mAccountRow, toM2mAccountRecord } from "./m2m-account-record";
import type { UpdateM2mAccountInput } from "./schemas";

export async function updateM2mAccount(
  ctx: OperationContext,
  { id, changes: input }: { id: string; changes: UpdateM2mAccountInput },
) {
  requirePermission(ctx, "iam:write");
  return auditedChange(ctx.db, ctx, async ({ tx, record }) => {
    const row = await loadM2mAccountRow(tx, id);
    if (!row) throw new AppError("not_found", "No such M2M account.");
    if (input.version !== undefined && input.version !== row.version) {
      throw new AppError(
        "conflict",
        `M2M account "${row.name}" was changed by someone else. Reload it and apply your change again.`,
      );
    }
    const bumped = await tx.m2mAccount.updateMany({
      where: { id, version: row.version },
      data: {
        version: { increment: 1 },
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
      },
    });
    if (bumped.count !== 1)
      throw new AppError("conflict", `M2M account "${row.name}" was changed by someone else. Reload it and try again.`);
    if (input.groups) {
      const groupIds = await resolveGroupIds(tx, input.groups);
      await tx.m2mAccountGroup.deleteMany({ where: { m2mAccountId: id } });
      if (groupIds.length > 0)
        await tx.m2mAccountGroup.createMany({ data: groupIds.map((groupId) => ({ m2mAccountId: id, groupId })) });
    }
    const before = toM2mAccountRecord(row);
    const after = toM2mAccountRecord((await loadM2mAccountRow(tx, id))!);
    record({
      action: updateAction("m2m-account", before.enabled, after.enabled),
      target: { type: "m2m-account", id, name: after.name },
      before,
      after,
    });
    return after;
  });
}
