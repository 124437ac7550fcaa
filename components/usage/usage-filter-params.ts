import type { ExportFormat } from "@/components/ui/export-links";
import { readFilterParams, refusedFilters, type FilterValues } from "@/components/ui/filter-params";
import { param, type SearchParamsRecord } from "@/components/ui/url-state";
import { usageQuery, type UsageQuery } from "@/lib/usage/find-gateway-usage";

export const USAGE_FILTER_KEYS = ["server", "principal", "tool", "outcome", "from", "to"] as const;
export type UsageFilterKey = (typeof USAGE_FILTER_KEYS)[number];
export type UsageFilters = FilterValues<UsageFilterKey>;

const PAGE_SIZE = 50;

/** The page size in the URL (`?limit=`, 1–200, as on the other lists), else 50. */
function pageSize(params: SearchParamsRecord): number {
  const limit = Number(param(params, "limit"));
  return Number.isInteger(limit) && limit >= 1 && limit <= 200 ? limit : PAGE_SIZE;
}

/** The URL's filters, normalised (UTC times) and checked with the API's own query schema. */
export function readUsageFilters(params: SearchParamsRecord): {
  filters: UsageFilters;
  query: UsageQuery;
  invalid: string[];
} {
  const filters = readFilterParams(params, USAGE_FILTER_KEYS);
  const limit = pageSize(params);
  const parsed = usageQuery.safeParse({ ...filters, cursor: param(params, "cursor"), limit });
  if (parsed.success) return { filters, query: parsed.data, invalid: [] };
  const { invalid, kept } = refusedFilters(filters, parsed.error);
  return { filters: kept, query: usageQuery.parse({ ...kept, limit }), invalid };
}

/** The API's export of the filtered set (newest first, up to its 1,000-row page). */
export function usageExportHref(filters: UsageFilters, format: ExportFormat): string {
  const search = new URLSearchParams({ format, limit: "1000" });
  for (const [key, value] of Object.entries(filters)) if (value) search.set(key, value);
  return `/api/usage?${search}`;
}
