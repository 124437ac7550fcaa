import { auditedChange } from "@/lib/audit/audited-change";
import { notFound } from "../scim-error";
import type { ScimContext } from "../with-scim-auth";
import { groupAuditRecord, groupStateOf, loadGroupRow } from "./scim-group";

/** Members lose the mapped registry groups on their next request (the audit bumps the IAM generation). */
export async function deleteScimGroup(ctx: ScimContext, id: string) {
  await auditedChange(ctx.db, ctx.audit, async ({ tx, record }) => {
    const row = await loadGroupRow(tx, ctx.caller.tenantId, id);
    if (!row) throw notFound("Group");
    await tx.directoryGroup.delete({ where: { id } });
    record({
      action: "directory-group.delete",
      target: { type: "directory-group", id, name: row.displayName },
      before: groupAuditRecord(id, groupStateOf(row)),
    });
  });
}
