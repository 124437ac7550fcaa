import { requirePermission } from "@/lib/access/authorize";
import { auditedChange } from "@/lib/audit/audited-change";
import type { OperationContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { resolveGroupIds } from "../resolve-group-ids";
import { loadM2mAccountRow, toM2mAccountRecord } from "./m2m-account-record";
import type { CreateM2mAccountInput } from "./schemas";

/** Links an Entra app registration (tenant id + client id) to registry groups. */
export async function createM2mAccount(ctx: OperationContext, input: CreateM2mAccountInput) {
  requirePermission(ctx, "iam:write");
  return auditedChange(ctx.db, ctx, async ({ tx, record }) => {
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
    const created = toM2mAccountRecord((await loadM2mAccountRow(tx, account.id))!);
    record({
      action: "m2m-account.create",
      target: { type: "m2m-account", id: account.id, name: account.name },
      after: created,
    });
    return created;
  });
}
