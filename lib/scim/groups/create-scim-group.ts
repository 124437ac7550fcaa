import { auditedChange } from "@/lib/audit/audited-change";
import type { ScimContext } from "../with-scim-auth";
import { groupAuditRecord, loadGroupRow, readGroupBody } from "./scim-group";
import { assertGroupNameFree, assertMembers, writeMembers } from "./write-scim-group";

export async function createScimGroup(ctx: ScimContext, body: unknown) {
  const state = readGroupBody(body);
  return auditedChange(ctx.db, ctx.audit, async (scope) => {
    const { tx } = scope;
    await assertGroupNameFree(tx, ctx, state.displayName);
    await assertMembers(tx, ctx, state.memberIds);
    const group = await tx.directoryGroup.create({
      data: { tenantId: ctx.caller.tenantId, displayName: state.displayName, externalId: state.externalId },
    });
    await writeMembers(scope, group.id, [], state);
    scope.record({
      action: "directory-group.create",
      target: { type: "directory-group", id: group.id, name: group.displayName },
      after: groupAuditRecord(group.id, state),
    });
    return (await loadGroupRow(tx, ctx.caller.tenantId, group.id))!;
  });
}
