import type { AuditedTx } from "@/lib/audit/audited-change";
import type { Tx } from "@/lib/db";
import { ScimError } from "../scim-error";
import type { ScimContext } from "../with-scim-auth";
import type { ScimGroupState } from "./scim-group";

/** 409 uniqueness when another directory group of the tenant has this displayName. */
export async function assertGroupNameFree(tx: Tx, ctx: ScimContext, displayName: string, exceptId?: string) {
  const taken = await tx.directoryGroup.findFirst({
    where: { tenantId: ctx.caller.tenantId, displayName, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (taken)
    throw new ScimError(409, `A group with displayName ${JSON.stringify(displayName)} already exists.`, "uniqueness");
}

/** Members must be provisioned users of the same tenant; anything else is named in a 400. */
export async function assertMembers(tx: Tx, ctx: ScimContext, memberIds: string[]) {
  if (memberIds.length === 0) return;
  const found = await tx.user.findMany({
    where: { id: { in: memberIds }, tenantId: ctx.caller.tenantId, deprovisionedAt: null },
    select: { id: true },
  });
  const known = new Set(found.map((user) => user.id));
  const unknown = memberIds.filter((id) => !known.has(id));
  if (unknown.length > 0)
    throw new ScimError(
      400,
      `Unknown members (provision these users first): ${unknown.slice(0, 10).join(", ")}.`,
      "invalidValue",
    );
}

/** Replaces a group's members with `next.memberIds`, touching only the difference. */
export async function writeMembers({ tx }: AuditedTx, groupId: string, current: string[], next: ScimGroupState) {
  const removed = current.filter((id) => !next.memberIds.includes(id));
  const added = next.memberIds.filter((id) => !current.includes(id));
  if (removed.length > 0) await tx.directoryGroupMember.deleteMany({ where: { groupId, userId: { in: removed } } });
  if (added.length > 0)
    await tx.directoryGroupMember.createMany({ data: added.map((userId) => ({ groupId, userId })) });
}
