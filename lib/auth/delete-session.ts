import { randomUUID } from "node:crypto";
import { auditedChange } from "@/lib/audit/audited-change";
import type { Db } from "@/lib/db";
import { hashSessionId } from "./sessions";

/**
 * Sign-out (or a new sign-in replacing this browser's session): the row goes, audited as the
 * session's user, and the IAM generation moves so no instance keeps a cached principal for it.
 * An unknown session id changes nothing and records nothing.
 */
export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  const requestId = randomUUID();
  await auditedChange(db, { principal: null, requestId }, async ({ tx, record }) => {
    const session = await tx.session.findUnique({
      where: { idHash: hashSessionId(sessionId) },
      select: { idHash: true, user: { select: { id: true, displayName: true } } },
    });
    if (!session) return;
    // deleteMany: a concurrent sign-out or "sign out everywhere" may have taken the row since the
    // read; that is the outcome wanted, not an error (and then there is nothing to record).
    const { count } = await tx.session.deleteMany({ where: { idHash: session.idHash } });
    if (count === 0) return;
    const { id, displayName } = session.user;
    record(
      { action: "session.end", target: { type: "user", id, name: displayName } },
      {
        principal: { kind: "user", id, userId: id, displayName, via: "session", groups: [] },
        requestId,
      },
    );
  });
}
