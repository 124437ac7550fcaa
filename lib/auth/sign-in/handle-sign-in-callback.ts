import { randomUUID } from "node:crypto";
import type { NextRequest } from "next/server";
import { deleteSession } from "@/lib/auth/delete-session";
import { sessionCookieName } from "@/lib/auth/sessions";
import { completeSignIn } from "@/lib/auth/sign-in/complete-sign-in";
import {
  clearedPendingSignInCookie,
  pendingSignInCookieName,
  readPendingSignIn,
  sessionCookie,
} from "@/lib/auth/sign-in/cookies";
import { redirectResponse, signInErrorPath } from "@/lib/auth/sign-in/redirect-response";
import { SignInError } from "@/lib/auth/sign-in/sign-in-error";
import { getConfig } from "@/lib/config";
import { dbReady, getDb } from "@/lib/db";
import { log } from "@/lib/log";

/**
 * GET /auth/callback — Entra ID redirects here with `code` and `state`. The pending sign-in
 * cookie is single-use: it is cleared on every outcome, so a replayed callback always fails.
 */
export async function handleSignInCallback(request: NextRequest): Promise<Response> {
  const config = getConfig();
  const requestId = randomUUID();
  const params = request.nextUrl.searchParams;
  const pending = readPendingSignIn(request.cookies.get(pendingSignInCookieName(config.secureCookies))?.value);
  const clearPending = clearedPendingSignInCookie(config);
  try {
    await dbReady();
    const db = getDb();
    const { sessionId, returnTo } = await completeSignIn(
      db,
      config,
      { code: params.get("code"), state: params.get("state"), error: params.get("error") },
      pending,
      requestId,
    );
    // A new sign-in replaces whatever session this browser had: the old one must not linger.
    const previous = request.cookies.get(sessionCookieName(config.secureCookies))?.value;
    if (previous) await deleteSession(db, previous);
    return redirectResponse(config, returnTo, [clearPending, sessionCookie(config, sessionId)]);
  } catch (error) {
    const kind = error instanceof SignInError ? error.kind : "failed";
    const reason = error instanceof SignInError ? error.reason : error instanceof Error ? error.message : String(error);
    (kind === "failed" ? log.error : log.warn)("sign-in refused", { requestId, kind, reason });
    return redirectResponse(config, signInErrorPath(kind, pending?.returnTo), [clearPending]);
  }
}
