import { requirePermission } from "@/lib/access/authorize";
import { auditedChange, type AuditedTx } from "@/lib/audit/audited-change";
import type { OperationContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { resolveGroupIds } from "../resolve-group-ids";
import type { CreateUserInput } from "./schemas";
import { loadUserRow, toUserRecord } from "./user-record";

/** Pre-provisions a user by (tenantId, objectId) so groups can be assigned before the first sign-in. */
export async function createUser(ctx: OperationContext, input: CreateUserInput) {
  requirePermission(ctx, "iam:write");
  return auditedChange(ctx.db, ctx, (scope) => createUserIn(scope, input));
}

/** The same inside the caller's transaction; SCIM adds the userName it provisions. */
export async function createUserIn({ tx, record }: AuditedTx, input: CreateUserInput, userName: string | null = null) {
  const existing = await tx.user.findUnique({
    where: { tenantId_objectId: { tenantId: input.tenantId, objectId: input.objectId } },
  });
  if (existing) throw new AppError("conflict", `This Entra user already exists as "${existing.displayName}".`);
  const groupIds = await resolveGroupIds(tx, input.groups);
  const user = await tx.user.create({
    data: {
      tenantId: input.tenantId,
      objectId: input.objectId,
      displayName: input.displayName,
      email: input.email ?? null,
      userName,
      enabled: input.enabled,
      entraGroupIds: [],
      entraAppRoles: [],
      groups: { create: groupIds.map((groupId) => ({ groupId })) },
    },
  });
  const created = toUserRecord((await loadUserRow(tx, user.id))!);
  record({ action: "user.create", target: { type: "user", id: user.id, name: user.displayName }, after: created });
  return created;
}
