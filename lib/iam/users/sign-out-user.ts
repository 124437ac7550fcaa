import { requirePermission } from "@/lib/access/authorize";
import { auditedChange } from "@/lib/audit/audited-change";
import type { OperationContext } from "@/lib/context";
import { AppError } from "@/lib/errors";

/**
 * "Sign out everywhere": ends every browser session of one user (a lost laptop, a shared
 * machine). The user may sign in again; their API tokens are untouched (revoke those on their
 * own). The audit record bumps the IAM generation, so no instance keeps a cached principal for
 * an ended session.
 */
export async function signOutUser(ctx: OperationContext, { id }: { id: string }): Promise<{ endedSessions: number }> {
  requirePermission(ctx, "iam:write");
  return auditedChange(ctx.db, ctx, async ({ tx, record }) => {
    const user = await tx.user.findUnique({ where: { id }, select: { id: true, displayName: true } });
    if (!user) throw new AppError("not_found", "No such user.");
    const ended = await tx.session.deleteMany({ where: { userId: id } });
    record({
      action: "user.sign-out",
      target: { type: "user", id, name: user.displayName },
      after: { endedSessions: ended.count },
    });
    return { endedSessions: ended.count };
  });
}
