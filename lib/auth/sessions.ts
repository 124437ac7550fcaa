import { createHash, randomBytes } from "node:crypto";
import type { Db } from "@/lib/db";

export function sessionCookieName(secure: boolean): string {
  return secure ? "__Host-registry_session" : "registry_session";
}

export function hashSessionId(sessionId: string): string {
  return createHash("sha256").update(sessionId).digest("hex");
}

/** Creates a session row; returns the opaque id for the cookie (256 bits, only its hash is stored). */
export async function createSession(
  db: Db,
  userId: string,
  ttlHours: number,
): Promise<{ sessionId: string; expiresAt: Date }> {
  const sessionId = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + ttlHours * 3600_000);
  await db.session.create({ data: { idHash: hashSessionId(sessionId), userId, expiresAt } });
  return { sessionId, expiresAt };
}

/**
 * The session's user (with `sessionExpiresAt`) when the session exists, has not expired and the
 * user is enabled.
 */
export async function findSessionUser(db: Db, sessionId: string, now = Date.now()) {
  if (sessionId.length === 0 || sessionId.length > 128) return null;
  const session = await db.session.findUnique({
    where: { idHash: hashSessionId(sessionId) },
    select: { expiresAt: true, idHash: true, user: true },
  });
  if (!session) return null;
  if (session.expiresAt.getTime() <= now) {
    await db.session.deleteMany({ where: { idHash: session.idHash } });
    return null;
  }
  if (!session.user.enabled) return null;
  return { ...session.user, sessionExpiresAt: session.expiresAt };
}
