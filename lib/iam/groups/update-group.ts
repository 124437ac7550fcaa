import { BUILT_IN_ADMIN_GROUP, PERMISSIONS } from "@/lib/access/permissions";
import { requirePermission } from "@/lib/access/authorize";
import { auditedChange } from "@/lib/audit/audited-change";
import type { OperationContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { loadGroupRow, toGroupRecord } from "./group-record";
import type { UpdateGroupInput } from "./schemas";
import { writeEntraMappings, writeServerRules } from "./write-group-parts";
import { countAdminUsers } from "../users/count-admins";

export async function updateGroup(
  ctx: OperationContext,
  { name, changes: input }: { name: string; changes: UpdateGroupInput },
) {
  requirePermission(ctx, "iam:write");
  return auditedChange(ctx.db, ctx, async (scope) => {
    const { tx } = scope;
    const row = await loadGroupRow(tx, { name });
    if (!row) throw new AppError("not_found", `No group named ${name}.`);
    const before = toGroupRecord(row);
    if (input.version !== undefined && input.version !== row.version) {
      throw new AppError(
        "conflict",
        `Group ${name} was changed by someone else (version ${row.version}, you edited ${input.version}). Reload it and apply your change again.`,
      );
    }
    if (
      name === BUILT_IN_ADMIN_GROUP &&
      input.permissions &&
      PERMISSIONS.some((p) => !input.permissions!.includes(p))
    ) {
      throw new AppError("validation_failed", `${BUILT_IN_ADMIN_GROUP} always holds every permission.`, {
        fields: [{ path: "permissions", message: `${BUILT_IN_ADMIN_GROUP} cannot lose permissions` }],
      });
    }
    const guardAdmins = name === BUILT_IN_ADMIN_GROUP && input.entraMappings !== undefined;
    const adminsBefore = guardAdmins ? await countAdminUsers(tx) : 0;
    // The version check and bump are one conditional write, so two concurrent editors cannot both win.
    const bumped = await tx.group.updateMany({
      where: { id: row.id, version: row.version },
      data: {
        version: { increment: 1 },
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.permissions ? { permissions: [...new Set(input.permissions)] } : {}),
      },
    });
    if (bumped.count !== 1)
      throw new AppError(
        "conflict",
        `Group ${name} was changed by someone else. Reload it and apply your change again.`,
      );
    if (input.entraMappings) await writeEntraMappings(scope, row.id, input.entraMappings);
    if (input.serverAccess) await writeServerRules(scope, row.id, input.serverAccess);
    if (guardAdmins && adminsBefore > 0 && (await countAdminUsers(tx)) === 0) {
      throw new AppError(
        "conflict",
        "This change would leave the registry without an admin. Assign someone to registry-admins first.",
      );
    }
    const after = toGroupRecord((await loadGroupRow(tx, { id: row.id }))!);
    scope.record({
      action: "group.update",
      target: { type: "group", id: row.id, name },
      before,
      after,
    });
    return after;
  });
}
