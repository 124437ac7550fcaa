/**
 * The paths the API application owns. Everything else (pages, sign-in, assets) goes to Next.
 * Matching is on the raw request target, before any decoding, so an encoded or dotted path can
 * never reach Next's router as an API path or the other way round. Under `next dev` each prefix has
 * a route file in app/ mounting the same application (lib/api/next-dev-mount.ts).
 */
export const MACHINE_PATH_PREFIXES = ["/api/", "/mcp/", "/scim/", "/v0.1/", "/.well-known/oauth-protected-resource"];
const EXACT = new Set(["/api", "/mcp", "/scim", "/v0.1"]);

export function isMachinePath(target: string): boolean {
  let path = target;
  // Absolute-form targets (RFC 9112 §3.2.2) come from proxies.
  if (!path.startsWith("/")) {
    try {
      path = new URL(path).pathname;
    } catch {
      return false;
    }
  }
  const end = path.search(/[?#]/);
  if (end >= 0) path = path.slice(0, end);
  return EXACT.has(path) || MACHINE_PATH_PREFIXES.some((prefix) => path.startsWith(prefix));
}
