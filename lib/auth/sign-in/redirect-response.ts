import { NextResponse } from "next/server";
import type { RegistryConfig } from "@/lib/config";
import type { CookieSpec } from "./cookies";
import type { SignInErrorKind } from "./sign-in-error";

/**
 * A 303 (the browser follows with GET, whatever the method was) to a path on REGISTRY_URL —
 * never to the Host the request came in on — setting the given cookies.
 */
export function redirectResponse(config: RegistryConfig, target: string, cookies: CookieSpec[] = []): NextResponse {
  const location = /^https?:\/\//.test(target) ? target : `${config.registryUrl}${target}`;
  const response = NextResponse.redirect(location, 303);
  response.headers.set("Cache-Control", "no-store");
  for (const cookie of cookies) response.cookies.set(cookie.name, cookie.value, cookie.options);
  return response;
}

export function signInErrorPath(kind: SignInErrorKind, returnTo?: string): string {
  const params = new URLSearchParams({ error: kind });
  if (returnTo && returnTo !== "/") params.set("returnTo", returnTo);
  return `/sign-in?${params}`;
}
