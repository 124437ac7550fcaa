import type { z } from "zod";
import { utcFromLocalInput } from "./utc-datetime-input";
import { param, type SearchParamsRecord } from "./url-state";

export type FilterValues<K extends string> = Partial<Record<K, string>>;

/** The URL's filters that are set, trimmed; `from` and `to` (UtcRangeFields) are read as UTC. */
export function readFilterParams<K extends string>(params: SearchParamsRecord, keys: readonly K[]): FilterValues<K> {
  const filters: FilterValues<K> = {};
  for (const key of keys) {
    const value = param(params, key)?.trim();
    if (value) filters[key] = key === "from" || key === "to" ? utcFromLocalInput(value) : value;
  }
  return filters;
}

/** The parameters a query schema refused (each issue's first path part), and the filters without them. */
export function refusedFilters<K extends string>(
  filters: FilterValues<K>,
  error: z.ZodError,
): { invalid: string[]; kept: FilterValues<K> } {
  const invalid = [...new Set(error.issues.map((issue) => String(issue.path[0] ?? "filter")))];
  const kept = Object.fromEntries(Object.entries(filters).filter(([key]) => !invalid.includes(key))) as FilterValues<K>;
  return { invalid, kept };
}
