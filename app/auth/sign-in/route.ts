import type { NextRequest } from "next/server";
import { pendingSignInCookie } from "@/lib/auth/sign-in/cookies";
import { redirectResponse, signInErrorPath } from "@/lib/auth/sign-in/redirect-response";
import { safeReturnTo } from "@/lib/auth/sign-in/return-to";
import { startSignIn } from "@/lib/auth/sign-in/start-sign-in";
import { getConfig } from "@/lib/config";
import { log } from "@/lib/log";

/** GET /auth/sign-in?returnTo=/path — starts the Entra ID authorization code flow (PKCE). */
export async function GET(request: NextRequest): Promise<Response> {
  const config = getConfig();
  const returnTo = safeReturnTo(request.nextUrl.searchParams.get("returnTo"));
  try {
    const { authorizeUrl, pending } = await startSignIn(config, returnTo);
    return redirectResponse(config, authorizeUrl, [pendingSignInCookie(config, pending)]);
  } catch (error) {
    log.error("sign-in could not start", { reason: error instanceof Error ? error.message : String(error) });
    return redirectResponse(config, signInErrorPath("failed", returnTo));
  }
}
