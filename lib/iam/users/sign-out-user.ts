import { recordAuditEvent, type AuditContext } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * "Sign out everywhere": ends every browser session of one user (a lost laptop, a shared
 * machine). The user may sign in again; their API tokens are untouched (revoke those on their
 * own). The audit record bumps the IAM generation, so no instance keeps a cached principal for
 * an ended session.
 */
export async function signOutUser(db: Db, ctx: AuditContext, id: string): Promise<{ endedSessions: number }> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id }, select: { id: true, displayName: true } });
    if (!user) throw new AppError("not_found", "No such user.");
    const ended = await tx.session.deleteMany({ where: { userId: id } });
    await recordAuditEvent(tx, ctx, {
      action: "user.sign-out",
      target: { type: "user", id, name: user.displayName },
      after: { endedSessions: ended.count },
    });
    return { endedSessions: ended.count };
  });
}
