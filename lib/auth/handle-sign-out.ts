import { randomUUID } from "node:crypto";
import type { NextRequest } from "next/server";
import { deleteSession } from "@/lib/auth/delete-session";
import { sessionCookieName } from "@/lib/auth/sessions";
import { clearedSessionCookie } from "@/lib/auth/sign-in/cookies";
import { redirectResponse } from "@/lib/auth/sign-in/redirect-response";
import { getConfig } from "@/lib/config";
import { dbReady, getDb } from "@/lib/db";
import { checkCsrf } from "@/lib/http/csrf";
import { errorResponse } from "@/lib/http/error-response";

/**
 * POST /auth/sign-out — deletes the session row (the cookie alone stops working everywhere),
 * clears the cookie and shows the sign-in page. POST only, same-origin only: a cross-site page
 * must not be able to sign people out.
 */
export async function handleSignOut(request: NextRequest): Promise<Response> {
  const config = getConfig();
  try {
    checkCsrf(request);
    const sessionId = request.cookies.get(sessionCookieName(config.secureCookies))?.value;
    if (sessionId) {
      await dbReady();
      await deleteSession(getDb(), sessionId);
    }
    return redirectResponse(config, "/sign-in?signedOut=1", [clearedSessionCookie(config)]);
  } catch (error) {
    return errorResponse(error, randomUUID());
  }
}
