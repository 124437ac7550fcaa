import type { AuditedTx } from "@/lib/audit/audited-change";
import type { Tx } from "@/lib/db";
import { updateUserIn } from "@/lib/iam/users/update-user";
import { ScimError } from "../scim-error";
import type { ScimContext } from "../with-scim-auth";
import { stateOf, textEquals, type ScimUserState, type UserRow } from "./scim-user";

/** 409 uniqueness when another user of the tenant already has this userName. */
export async function assertUserNameFree(tx: Tx, ctx: ScimContext, userName: string, exceptId?: string) {
  const taken = await tx.user.findFirst({
    where: {
      tenantId: ctx.caller.tenantId,
      userName: textEquals(userName),
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    select: { id: true },
  });
  if (taken) throw new ScimError(409, `A user with userName ${JSON.stringify(userName)} already exists.`, "uniqueness");
}

/**
 * Writes a user's new SCIM state through the IAM update (lib/iam/users/update-user.ts), so a
 * disable ends the user's sessions and the change is audited in the same transaction. An
 * unchanged state writes nothing.
 */
export async function writeScimUser(
  scope: AuditedTx,
  ctx: ScimContext,
  row: UserRow,
  next: ScimUserState,
  revive = false,
) {
  const { tx } = scope;
  const current = stateOf(row);
  const userNameChanged = row.userName === null || next.userName !== current.userName;
  const unchanged =
    !revive &&
    !userNameChanged &&
    next.displayName === current.displayName &&
    next.email === current.email &&
    next.active === current.active;
  if (unchanged) return row;
  if (userNameChanged) await assertUserNameFree(tx, ctx, next.userName, row.id);
  await updateUserIn(scope, row.id, next.active !== row.enabled ? { enabled: next.active } : {}, {
    userName: next.userName,
    displayName: next.displayName,
    email: next.email,
    ...(revive ? { deprovisionedAt: null } : {}),
  });
  return tx.user.findUniqueOrThrow({ where: { id: row.id } });
}
