import { redirect } from "next/navigation";
import { getPageSession, type PageSession } from "@/lib/auth/page-principal";

/**
 * The signed-in user for a page, or a redirect to sign-in that comes back to `returnTo`.
 * Pages call this themselves (a layout does not re-render on client navigation and does not
 * know the path), so an expired session always lands on sign-in with the right return path.
 */
export async function requirePageSession(returnTo: string): Promise<PageSession> {
  const session = await getPageSession();
  if (!session) redirect(`/sign-in?${new URLSearchParams({ returnTo })}`);
  return session;
}

/** `path?query` from a page's search params, for returnTo. */
export function pathWithQuery(path: string, params: Record<string, string | string[] | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first) search.set(key, first);
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}
