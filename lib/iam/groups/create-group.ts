import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { AuditContext } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { loadGroupRow, toGroupRecord } from "./group-record";
import type { CreateGroupInput } from "./schemas";
import { writeEntraMappings, writeServerRules } from "./write-group-parts";

export async function createGroup(
  db: Db,
  ctx: AuditContext,
  input: CreateGroupInput,
  options: { builtIn?: boolean } = {},
) {
  return db.$transaction(async (tx) => {
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
    await writeEntraMappings(tx, group.id, input.entraMappings);
    await writeServerRules(tx, group.id, input.serverAccess);
    const record = toGroupRecord((await loadGroupRow(tx, { id: group.id }))!);
    await recordAuditEvent(tx, ctx, {
      action: "group.create",
      target: { type: "group", id: group.id, name: group.name },
      after: record,
    });
    return record;
  });
}
