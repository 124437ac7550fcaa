import { auditedChange } from "@/lib/audit/audited-change";
import { updateAction } from "@/lib/audit/update-action";
import type { OperationContext } from "@/lib/context";
import { requireWritableServer } from "./require-writable-server";
import type { UpdateServerInput } from "./schemas";
import { toServerRecord } from "./server-record";

export async function updateServer(ctx: OperationContext, input: { slug: string; changes: UpdateServerInput }) {
  return auditedChange(ctx.db, ctx, async ({ tx, record }) => {
    const row = await requireWritableServer(tx, ctx, input.slug);
    const { tags, ...fields } = input.changes;
    if (tags) {
      await tx.serverTag.deleteMany({ where: { serverId: row.id } });
      await tx.serverTag.createMany({ data: [...new Set(tags)].map((tag) => ({ serverId: row.id, tag })) });
    }
    const updated = await tx.server.update({
      where: { id: row.id },
      data: { ...fields, updatedBy: ctx.principal?.displayName ?? "system" },
      include: { tags: true },
    });
    const after = toServerRecord(updated);
    record({
      action: updateAction("server", row.enabled, after.enabled),
      target: { type: "server", id: row.id, name: input.slug },
      before: toServerRecord(row),
      after,
    });
    return after;
  });
}
