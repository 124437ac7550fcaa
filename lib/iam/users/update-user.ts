import { requirePermission } from "@/lib/access/authorize";
import { auditedChange, type AuditedTx } from "@/lib/audit/audited-change";
import { updateAction } from "@/lib/audit/update-action";
import type { OperationContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { resolveGroupIds } from "../resolve-group-ids";
import { countAdminUsers } from "./count-admins";
import type { UpdateUserInput } from "./schemas";
import { loadUserRow, toUserRecord } from "./user-record";

/** Directory attributes only SCIM provisioning writes (lib/scim/users); the admin API never does. */
export interface UserProfileChange {
  displayName?: string;
  email?: string | null;
  userName?: string | null;
  deprovisionedAt?: Date | null;
}

export async function updateUser(ctx: OperationContext, { id, changes }: { id: string; changes: UpdateUserInput }) {
  requirePermission(ctx, "iam:write");
  return auditedChange(ctx.db, ctx, (scope) => updateUserIn(scope, id, changes));
}

/** The same change inside the caller's transaction, so SCIM writes profile, state and audit together. */
export async function updateUserIn(
  { tx, actor, record }: AuditedTx,
  id: string,
  input: UpdateUserInput,
  profile: UserProfileChange = {},
) {
  const row = await loadUserRow(tx, id);
  if (!row) throw new AppError("not_found", "No such user.");
  if (input.version !== undefined && input.version !== row.version) {
    throw new AppError(
      "conflict",
      `${row.displayName} was changed by someone else. Reload and apply your change again.`,
    );
  }
  // A registry API token acts for its owner: it must not disable its owner either.
  const principal = actor.principal;
  const acting = principal?.kind === "user" ? principal.userId : principal?.kind === "token" ? principal.ownerId : null;
  if (input.enabled === false && acting === id) {
    throw new AppError("conflict", "You cannot disable yourself. Ask another admin.");
  }
  const adminsBefore = await countAdminUsers(tx);
  const bumped = await tx.user.updateMany({
    where: { id, version: row.version },
    data: { version: { increment: 1 }, ...profile, ...(input.enabled !== undefined ? { enabled: input.enabled } : {}) },
  });
  if (bumped.count !== 1)
    throw new AppError("conflict", `${row.displayName} was changed by someone else. Reload and try again.`);
  if (input.groups) {
    const groupIds = await resolveGroupIds(tx, input.groups);
    await tx.userGroup.deleteMany({ where: { userId: id } });
    if (groupIds.length > 0)
      await tx.userGroup.createMany({ data: groupIds.map((groupId) => ({ userId: id, groupId })) });
  }
  if (adminsBefore > 0 && (await countAdminUsers(tx)) === 0) {
    throw new AppError(
      "conflict",
      "This change would leave the registry without an admin. Make someone else an admin first.",
    );
  }
  // A disabled user loses every session at once.
  if (input.enabled === false) await tx.session.deleteMany({ where: { userId: id } });
  const after = toUserRecord((await loadUserRow(tx, id))!);
  record({
    action: updateAction("user", row.enabled, after.enabled),
    target: { type: "user", id, name: row.displayName },
    before: toUserRecord(row),
    after,
  });
  return after;
}
