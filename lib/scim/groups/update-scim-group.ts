import { auditedChange } from "@/lib/audit/audited-change";
import { readPatch } from "../patch";
import { notFound } from "../scim-error";
import type { ScimContext } from "../with-scim-auth";
import {
  applyGroupPatch,
  groupAuditRecord,
  groupStateOf,
  loadGroupRow,
  readGroupBody,
  type ScimGroupState,
} from "./scim-group";
import { assertGroupNameFree, assertMembers, writeMembers } from "./write-scim-group";

type NextState = (current: ScimGroupState) => ScimGroupState;

/**
 * A directory group's new state, written with its audit record in one transaction (which also
 * bumps the IAM generation: members' access changes on their next request). No change, no write.
 */
async function updateScimGroup(ctx: ScimContext, id: string, nextState: NextState) {
  const { tenantId } = ctx.caller;
  return auditedChange(ctx.db, ctx.audit, async (scope) => {
    const { tx } = scope;
    const row = await loadGroupRow(tx, tenantId, id);
    if (!row) throw notFound("Group");
    const current = groupStateOf(row);
    const next = nextState(current);
    const sameMembers =
      next.memberIds.length === current.memberIds.length &&
      next.memberIds.every((member) => current.memberIds.includes(member));
    if (sameMembers && next.displayName === current.displayName && next.externalId === current.externalId) return row;
    if (next.displayName !== current.displayName) await assertGroupNameFree(tx, ctx, next.displayName, id);
    await assertMembers(
      tx,
      ctx,
      next.memberIds.filter((member) => !current.memberIds.includes(member)),
    );
    await tx.directoryGroup.update({
      where: { id },
      data: { displayName: next.displayName, externalId: next.externalId },
    });
    await writeMembers(scope, id, current.memberIds, next);
    scope.record({
      action: "directory-group.update",
      target: { type: "directory-group", id, name: row.displayName },
      before: groupAuditRecord(id, current),
      after: groupAuditRecord(id, next),
    });
    return (await loadGroupRow(tx, tenantId, id))!;
  });
}

/** PUT /Groups/{id}: the body is the whole new state (members included). */
export function replaceScimGroup(ctx: ScimContext, id: string, body: unknown) {
  const next = readGroupBody(body);
  return updateScimGroup(ctx, id, () => next);
}

export function patchScimGroup(ctx: ScimContext, id: string, body: unknown) {
  const operations = readPatch(body);
  return updateScimGroup(ctx, id, (current) => applyGroupPatch(current, operations));
}
