import { auditedChange } from "@/lib/audit/audited-change";
import type { OperationContext } from "@/lib/context";
import { requireWritableServer } from "./require-writable-server";
import { toServerRecord } from "./server-record";

export async function deleteServer(ctx: OperationContext, input: { slug: string }): Promise<void> {
  await auditedChange(ctx.db, ctx, async ({ tx, record }) => {
    const row = await requireWritableServer(tx, ctx, input.slug);
    await tx.server.delete({ where: { id: row.id } });
    record({
      action: "server.delete",
      target: { type: "server", id: row.id, name: input.slug },
      before: toServerRecord(row),
    });
  });
}
