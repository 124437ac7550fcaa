import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { PrincipalContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { toProvisioningTokenRecord } from "./provisioning-token-record";

/** Revokes a provisioning secret: /scim/v2 answers 401 to it from the next request on. */
export async function revokeProvisioningToken(ctx: PrincipalContext, id: string): Promise<void> {
  await ctx.db.$transaction(async (tx) => {
    const token = await tx.provisioningToken.findUnique({ where: { id } });
    if (!token) throw new AppError("not_found", "No such provisioning token.");
    if (token.revokedAt) return;
    const revoked = await tx.provisioningToken.update({ where: { id }, data: { revokedAt: new Date() } });
    await recordAuditEvent(tx, ctx, {
      action: "provisioning-token.revoke",
      target: { type: "provisioning-token", id, name: token.name },
      before: toProvisioningTokenRecord(token),
      after: toProvisioningTokenRecord(revoked),
    });
  });
}
