const BASE = "http://registry.invalid";

/**
 * Where to go after sign-in: only a same-origin relative path ("/servers/x?tab=tools").
 * Absolute URLs, protocol-relative ("//evil"), backslash tricks ("/\evil") and control
 * characters fall back to "/" so the sign-in flow can never be used as an open redirect.
 */
export function safeReturnTo(value: string | null | undefined): string {
  if (!value || value.length > 2048 || !value.startsWith("/")) return "/";
  if (value.startsWith("//") || value.includes("\\") || /[\u0000-\u001f\u007f]/.test(value)) return "/";
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return "/";
  }
  if (url.origin !== BASE) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  // The sign-in machinery itself is never a useful destination (and could loop).
  if (url.pathname.startsWith("/auth/") || url.pathname === "/sign-in") return "/";
  return path;
}
