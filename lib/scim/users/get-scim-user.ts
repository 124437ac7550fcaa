import type { Db, Tx } from "@/lib/db";
import { notFound } from "../scim-error";
import type { ScimContext } from "../with-scim-auth";

/** A user of the token's tenant that is a SCIM resource (not deleted by provisioning), or 404. */
export async function getScimUserRow(db: Db | Tx, ctx: ScimContext, id: string) {
  const row = await db.user.findFirst({ where: { id, tenantId: ctx.caller.tenantId, deprovisionedAt: null } });
  if (!row) throw notFound("User");
  return row;
}
