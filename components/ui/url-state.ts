/** The search params a list page received, as Next.js passes them. */
export type SearchParamsRecord = Record<string, string | string[] | undefined>;

/** The first value of a search param, or undefined. */
export function param(params: SearchParamsRecord, key: string): string | undefined {
  const value = params[key];
  return Array.isArray(value) ? value[0] : value;
}

/** `basePath?…` keeping `params`, with `changes` applied (undefined/"" removes a key). */
export function hrefWith(
  basePath: string,
  params: SearchParamsRecord,
  changes: Record<string, string | undefined | null> = {},
): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined && first !== "" && !(key in changes)) search.set(key, first);
  }
  for (const [key, value] of Object.entries(changes)) {
    if (value !== undefined && value !== null && value !== "") search.set(key, value);
  }
  const query = search.toString();
  return query ? `${basePath}?${query}` : basePath;
}
