import type { NextRequest } from "next/server";
import { handleSignInCallback } from "@/lib/auth/sign-in/handle-sign-in-callback";

/** GET /auth/callback — Entra ID redirects here with `code` and `state`. */
export function GET(request: NextRequest): Promise<Response> {
  return handleSignInCallback(request);
}
