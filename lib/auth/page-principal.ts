import { cache } from "react";
import { cookies } from "next/headers";
import { loadAccess } from "@/lib/access/load-access";
import type { EffectiveAccess } from "@/lib/access/effective-access";
import { getConfig } from "@/lib/config";
import { dbReady, getDb, type Db } from "@/lib/db";
import type { UserPrincipal } from "./principal";
import { loadUserGroups } from "./principal-groups";
import { findSessionUser, sessionCookieName } from "./sessions";

export interface PageSession {
  db: Db;
  principal: UserPrincipal;
  access: EffectiveAccess;
  requestId: string;
}

/**
 * For server components and server actions: the signed-in user from the session cookie, with
 * their current groups and access (recomputed per request), or null when not signed in.
 * Cached per request so a layout and its page share one lookup.
 */
export const getPageSession = cache(async (): Promise<PageSession | null> => {
  const sessionId = (await cookies()).get(sessionCookieName(getConfig().secureCookies))?.value;
  if (!sessionId) return null;
  const db = getDb();
  await dbReady();
  const user = await findSessionUser(db, sessionId);
  if (!user) return null;
  const principal: UserPrincipal = {
    kind: "user", id: user.id, userId: user.id, displayName: user.displayName, via: "session", sessionId, groups: await loadUserGroups(db, user),
  };
  return { db, principal, access: await loadAccess(db, principal), requestId: crypto.randomUUID() };
});
