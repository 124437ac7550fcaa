const LOOPBACK_HOSTS = ["localhost", "127.0.0.1", "[::1]"];

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** An `http://` URL on a loopback host (any port). */
export function isLoopbackHttpUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed?.protocol === "http:" && LOOPBACK_HOSTS.includes(parsed.hostname);
}

/**
 * Entra's redirect URI rule: an exact match with a registered URI, except that for
 * `http://localhost` and `http://127.0.0.1` the port is ignored (native and CLI apps listen on
 * a random port). Fragments are never allowed.
 */
export function isRegisteredRedirectUri(registered: string[], requested: string): boolean {
  const wanted = parse(requested);
  if (!wanted || requested.includes("#") || !["http:", "https:"].includes(wanted.protocol)) return false;
  if (registered.includes(requested)) return true;
  if (!isLoopbackHttpUrl(requested)) return false;
  return registered.some((candidate) => {
    const uri = parse(candidate);
    return (
      uri !== undefined &&
      uri.protocol === "http:" &&
      uri.hostname === wanted.hostname &&
      uri.pathname === wanted.pathname &&
      uri.search === wanted.search
    );
  });
}

/** Appends the authorization response to the redirect URI (query or fragment mode). */
export function withResponseParams(
  redirectUri: string,
  mode: "query" | "fragment",
  fields: Record<string, string>,
): string {
  const url = new URL(redirectUri);
  if (mode === "query") {
    for (const [name, value] of Object.entries(fields)) url.searchParams.set(name, value);
  } else {
    url.hash = new URLSearchParams(fields).toString();
  }
  return url.toString();
}
