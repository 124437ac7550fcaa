import { cache } from "react";
import { cookies } from "next/headers";
import type { EffectiveAccess } from "@/lib/access/effective-access";
import { getConfig } from "@/lib/config";
import { dbReady, getDb, type Db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import type { UserPrincipal } from "./principal";
import { resolveRequestPrincipal } from "./resolve-request-principal";
import { sessionCookieName } from "./sessions";

export interface PageSession {
  db: Db;
  principal: UserPrincipal;
  access: EffectiveAccess;
  requestId: string;
}

/**
 * For server components and server actions: the signed-in user from the session cookie, with
 * their current groups and access, or null when not signed in. It goes through the same choke
 * point (and principal cache) as the API; pages never look at a bearer header. Cached per
 * request so a layout and its page share one lookup.
 */
export const getPageSession = cache(async (): Promise<PageSession | null> => {
  const sessionCookie = (await cookies()).get(sessionCookieName(getConfig().secureCookies))?.value;
  if (!sessionCookie) return null;
  const db = getDb();
  await dbReady();
  try {
    const { principal, access } = await resolveRequestPrincipal(db, {
      authorization: [],
      url: "/",
      sessionCookie,
      isApiRoute: false,
    });
    if (principal.kind !== "user") return null;
    return { db, principal, access, requestId: crypto.randomUUID() };
  } catch (error) {
    // An unknown, expired or ended session is simply "not signed in" for a page.
    if (isAppError(error) && error.status < 500) return null;
    throw error;
  }
});
