import { recordAuditEvent, type AuditContext } from "@/lib/audit/record-audit-event";
import type { Db, Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { resolveGroupIds } from "../resolve-group-ids";
import type { CreateUserInput } from "./schemas";
import { loadUserRow, toUserRecord } from "./user-record";

/** Pre-provisions a user by (tenantId, objectId) so groups can be assigned before the first sign-in. */
export async function createUser(db: Db, ctx: AuditContext, input: CreateUserInput) {
  return db.$transaction((tx) => createUserIn(tx, ctx, input));
}

/** The same inside the caller's transaction; SCIM adds the userName it provisions. */
export async function createUserIn(tx: Tx, ctx: AuditContext, input: CreateUserInput, userName: string | null = null) {
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
  const record = toUserRecord((await loadUserRow(tx, user.id))!);
  await recordAuditEvent(tx, ctx, {
    action: "user.create",
    target: { type: "user", id: user.id, name: user.displayName },
    after: record,
  });
  return record;
}
