import { requirePermission } from "@/lib/access/authorize";
import type { OperationContext } from "@/lib/context";
import type { Db, Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { findVisibleServer } from "./find-servers";

/**
 * The server a catalog write may change. Visibility before permission (SPEC §3): an invisible
 * or absent server is 404, a visible one without servers:write is 403. Read inside the write's
 * own transaction, so the checked row is the row that is changed.
 */
export async function requireWritableServer(db: Db | Tx, ctx: Pick<OperationContext, "access">, slug: string) {
  const server = await findVisibleServer(db, ctx.access, slug);
  if (!server) throw new AppError("not_found", `No server ${slug}.`);
  requirePermission(ctx, "servers:write");
  return server;
}
