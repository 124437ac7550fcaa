import { auditQuery, type AuditQuery } from "@/lib/audit/find-audit-events";
import { param, type SearchParamsRecord } from "@/components/ui/url-state";

export const AUDIT_FILTER_KEYS = ["actor", "action", "target", "outcome", "from", "to"] as const;
export type AuditFilterKey = (typeof AUDIT_FILTER_KEYS)[number];
export type AuditFilters = Partial<Record<AuditFilterKey, string>>;

/** A datetime-local value ("2025-03-14T09:26") is read as UTC, the zone the log is shown in. */
function utc(value: string | undefined): string | undefined {
  if (!value) return undefined;
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)
    ? `${value.length === 16 ? `${value}:00` : value}Z`
    : value;
}

/** The URL's filters, normalised (UTC times) and checked with the API's own query schema. */
export function readAuditFilters(params: SearchParamsRecord): {
  filters: AuditFilters;
  query: AuditQuery;
  invalid: string[];
} {
  const filters: AuditFilters = {};
  for (const key of AUDIT_FILTER_KEYS) {
    const value = param(params, key)?.trim();
    if (value) filters[key] = key === "from" || key === "to" ? utc(value) : value;
  }
  const parsed = auditQuery.safeParse({ ...filters, cursor: param(params, "cursor"), limit: 50 });
  if (parsed.success) return { filters, query: parsed.data, invalid: [] };
  const invalid = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0] ?? "filter")))];
  const kept: AuditFilters = Object.fromEntries(Object.entries(filters).filter(([key]) => !invalid.includes(key)));
  return { filters: kept, query: auditQuery.parse({ ...kept, limit: 50 }), invalid };
}

/** The datetime-local input value for a stored UTC filter ("…Z" → "2025-03-14T09:26"). */
export function toLocalInput(value: string | undefined): string {
  if (!value) return "";
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? "" : date.toISOString().slice(0, 16);
}

export function exportHref(filters: AuditFilters, format: "csv" | "jsonl"): string {
  const search = new URLSearchParams({ format, limit: "1000" });
  for (const [key, value] of Object.entries(filters)) if (value) search.set(key, value);
  return `/api/audit?${search}`;
}
