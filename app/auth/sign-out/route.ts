import type { NextRequest } from "next/server";
import { handleSignOut } from "@/lib/auth/handle-sign-out";

/** POST /auth/sign-out — ends this browser's session (same-origin only). */
export function POST(request: NextRequest): Promise<Response> {
  return handleSignOut(request);
}
