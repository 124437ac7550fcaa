import { getConfig } from "@/lib/config";
import { sessionCookieName } from "@/lib/auth/sessions";
import type { AuthRequest } from "@/lib/auth/authenticate";

/**
 * The one cookie reader for API requests. A value whose percent-encoding is broken (e.g.
 * `%E0%A4%A`) is kept verbatim instead of throwing: it then simply matches no session, so the
 * caller gets the ordinary 401 for an unknown session rather than a 500.
 */
export function readCookie(cookieHeader: string | null, name: string): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(";")) {
    const index = part.indexOf("=");
    if (index > 0 && part.slice(0, index).trim() === name) return decodeCookieValue(part.slice(index + 1).trim());
  }
  return undefined;
}

function decodeCookieValue(raw: string): string {
  const unquoted = raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw;
  if (!unquoted.includes("%")) return unquoted;
  try {
    return decodeURIComponent(unquoted);
  } catch {
    return unquoted;
  }
}

/** Collects what the token-validation module needs from a request. */
export function readAuthRequest(request: Request): AuthRequest {
  const authorization = request.headers.get("authorization");
  const url = new URL(request.url);
  return {
    // Fetch joins repeated headers with ", ": two Authorization headers become bad syntax (400).
    authorization: authorization === null ? [] : [authorization],
    url: url.pathname + url.search,
    sessionCookie: readCookie(request.headers.get("cookie"), sessionCookieName(getConfig().secureCookies)),
    isApiRoute: ["/api/", "/mcp/", "/v0.1/"].some((prefix) => url.pathname.startsWith(prefix)),
  };
}
