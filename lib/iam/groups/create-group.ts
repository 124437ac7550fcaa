import { requirePermission } from "@/lib/access/authorize";
import { auditedChange } from "@/lib/audit/audited-change";
import type { OperationContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { loadGroupRow, toGroupRecord } from "./group-record";
import type { CreateGroupInput } from "./schemas";
import { writeEntraMappings, writeServerRules } from "./write-group-parts";

export async function createGroup(ctx: OperationContext, input: CreateGroupInput, options: { builtIn?: boolean } = {}) {
  requirePermission(ctx, "iam:write");
  return auditedChange(ctx.db, ctx, async (scope) => {
    const { tx } = scope;
    if (await tx.group.findUnique({ where: { name: input.name }, select: { id: true } })) {
      throw new AppError("conflict", `A group named ${input.name} already exists.`);
    }
    const group = await tx.group.create({
      data: {
        name: input.name,
        description: input.description,
        builtIn: options.builtIn ?? false,
        permissions: [...new Set(input.permissions)],
      },
    });
    await writeEntraMappings(scope, group.id, input.entraMappings);
    await writeServerRules(scope, group.id, input.serverAccess);
    const created = toGroupRecord((await loadGroupRow(tx, { id: group.id }))!);
    scope.record({
      action: "group.create",
      target: { type: "group", id: group.id, name: group.name },
      after: created,
    });
    return created;
  });
}
