import { recordAuditEvent, type AuditContext } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { resolveGroupIds } from "../resolve-group-ids";
import { loadM2mAccountRow, toM2mAccountRecord } from "./m2m-account-record";
import type { CreateM2mAccountInput } from "./schemas";

/** Links an Entra app registration (tenant id + client id) to registry groups. */
export async function createM2mAccount(db: Db, ctx: AuditContext, input: CreateM2mAccountInput) {
  return db.$transaction(async (tx) => {
    const existing = await tx.m2mAccount.findUnique({
      where: { tenantId_clientId: { tenantId: input.tenantId, clientId: input.clientId } },
    });
    if (existing) throw new AppError("conflict", `This Entra app is already linked as M2M account "${existing.name}".`);
    const groupIds = await resolveGroupIds(tx, input.groups);
    const account = await tx.m2mAccount.create({
      data: {
        tenantId: input.tenantId,
        clientId: input.clientId,
        name: input.name,
        description: input.description,
        enabled: input.enabled,
        createdById: ctx.principal?.id ?? null,
        createdByName: ctx.principal?.displayName ?? "system",
        groups: { create: groupIds.map((groupId) => ({ groupId })) },
      },
    });
    const record = toM2mAccountRecord((await loadM2mAccountRow(tx, account.id))!);
    await recordAuditEvent(tx, ctx, {
      action: "m2m-account.create",
      target: { type: "m2m-account", id: account.id, name: account.name },
      after: record,
    });
    return record;
  });
}
