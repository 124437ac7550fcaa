import { getConfig } from "@/lib/config";
import { AppError } from "@/lib/errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Route Handlers get no CSRF protection from Next.js. A cookie-authenticated write must come
 * from our own origin: Sec-Fetch-Site same-origin, or an Origin equal to REGISTRY_URL's.
 */
export function checkCsrf(request: Request): void {
  if (SAFE_METHODS.has(request.method)) return;
  const fetchSite = request.headers.get("sec-fetch-site");
  const origin = request.headers.get("origin");
  const expected = new URL(getConfig().registryUrl).origin;
  if (fetchSite === "same-origin" || origin === expected) return;
  throw new AppError(
    "forbidden",
    "Cross-site request refused: send writes from the registry's own pages, or use a bearer token.",
    {
      reason: `csrf: origin=${origin ?? "none"} sec-fetch-site=${fetchSite ?? "none"}`,
    },
  );
}
