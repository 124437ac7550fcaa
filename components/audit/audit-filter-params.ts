import { auditQuery, type AuditQuery } from "@/lib/audit/find-audit-events";
import type { ExportFormat } from "@/components/ui/export-links";
import { readFilterParams, refusedFilters, type FilterValues } from "@/components/ui/filter-params";
import { param, type SearchParamsRecord } from "@/components/ui/url-state";

export const AUDIT_FILTER_KEYS = ["actor", "action", "target", "outcome", "from", "to"] as const;
export type AuditFilterKey = (typeof AUDIT_FILTER_KEYS)[number];
export type AuditFilters = FilterValues<AuditFilterKey>;

/** The URL's filters and sort, normalised (UTC times) and checked with the API's own query schema. */
export function readAuditFilters(params: SearchParamsRecord): {
  filters: AuditFilters;
  /** The `?sort=` as given, when valid (kept by the filter form and the exports). */
  sort: string | undefined;
  query: AuditQuery;
  invalid: string[];
} {
  const filters = readFilterParams(params, AUDIT_FILTER_KEYS);
  const sort = param(params, "sort")?.trim() || undefined;
  const parsed = auditQuery.safeParse({ ...filters, sort, cursor: param(params, "cursor"), limit: 50 });
  if (parsed.success) return { filters, sort, query: parsed.data, invalid: [] };
  const { invalid, kept } = refusedFilters(filters, parsed.error);
  const keptSort = invalid.includes("sort") ? undefined : sort;
  return { filters: kept, sort: keptSort, query: auditQuery.parse({ ...kept, sort: keptSort, limit: 50 }), invalid };
}

export function exportHref(filters: AuditFilters, sort: string | undefined, format: ExportFormat): string {
  const search = new URLSearchParams({ format, limit: "1000" });
  for (const [key, value] of Object.entries(filters)) if (value) search.set(key, value);
  if (sort) search.set("sort", sort);
  return `/api/audit?${search}`;
}
