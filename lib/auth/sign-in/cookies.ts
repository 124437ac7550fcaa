import { z } from "zod";
import type { RegistryConfig } from "@/lib/config";
import { sessionCookieName } from "@/lib/auth/sessions";

/** Lifetime of a started sign-in: long enough to pick an account, short enough to be useless later. */
export const PENDING_SIGN_IN_TTL_SECONDS = 600;

export interface CookieSpec {
  name: string;
  value: string;
  options: { httpOnly: true; secure: boolean; sameSite: "lax"; path: "/"; maxAge: number };
}

export function pendingSignInCookieName(secure: boolean): string {
  return secure ? "__Host-registry_auth" : "registry_auth";
}

/**
 * HttpOnly so page scripts never see the PKCE verifier; SameSite=Lax so the cookie comes back
 * on the top-level GET redirect from Entra; `__Host-` + Secure on https so no subdomain can
 * plant its own pending sign-in (login CSRF).
 */
function cookie(config: RegistryConfig, name: string, value: string, maxAge: number): CookieSpec {
  return { name, value, options: { httpOnly: true, secure: config.secureCookies, sameSite: "lax", path: "/", maxAge } };
}

export function sessionCookie(config: RegistryConfig, sessionId: string): CookieSpec {
  return cookie(config, sessionCookieName(config.secureCookies), sessionId, config.sessionTtlHours * 3600);
}

export function clearedSessionCookie(config: RegistryConfig): CookieSpec {
  return cookie(config, sessionCookieName(config.secureCookies), "", 0);
}

const pendingSignInSchema = z.object({
  state: z.string().min(16).max(128),
  nonce: z.string().min(16).max(128),
  verifier: z.string().min(43).max(128),
  returnTo: z.string().startsWith("/").max(2048),
});

export type PendingSignIn = z.infer<typeof pendingSignInSchema>;

export function pendingSignInCookie(config: RegistryConfig, pending: PendingSignIn): CookieSpec {
  const value = Buffer.from(JSON.stringify(pending)).toString("base64url");
  return cookie(config, pendingSignInCookieName(config.secureCookies), value, PENDING_SIGN_IN_TTL_SECONDS);
}

export function clearedPendingSignInCookie(config: RegistryConfig): CookieSpec {
  return cookie(config, pendingSignInCookieName(config.secureCookies), "", 0);
}

/** The pending sign-in from its cookie value, or null when absent or not ours. */
export function readPendingSignIn(value: string | undefined): PendingSignIn | null {
  if (!value || value.length > 4096) return null;
  try {
    const parsed = pendingSignInSchema.safeParse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
