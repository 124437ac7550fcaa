import type { Metadata } from "next";
import { pathWithQuery, requirePageSession } from "@/components/layout/require-session";
import { auditColumns } from "@/components/audit/audit-columns";
import { exportHref, readAuditFilters } from "@/components/audit/audit-filter-params";
import { AuditFilterForm } from "@/components/audit/audit-filter-form";
import { ButtonLink } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { ExportLinks } from "@/components/ui/export-links";
import { IgnoredFiltersAlert } from "@/components/ui/ignored-filters-alert";
import { PageHeader } from "@/components/ui/page-header";
import type { SearchParamsRecord } from "@/components/ui/url-state";
import { findAuditEvents } from "@/lib/audit/find-audit-events";
import { orNotFound } from "@/lib/http/or-not-found";

export const metadata: Metadata = { title: "Audit log" };

const PATH = "/settings/audit";
const LABELS: Record<string, string> = {
  actor: "Actor",
  action: "Action",
  target: "Target",
  outcome: "Outcome",
  from: "From",
  to: "To",
  sort: "The sort order",
  cursor: "The page position",
};

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const params = await searchParams;
  const session = await requirePageSession(pathWithQuery(PATH, params));
  const { filters, sort, query, invalid } = readAuditFilters(params);
  // Without audit:read the operation refuses and the page is not revealed (404).
  const page = await orNotFound(findAuditEvents(session, query));
  const filtered = Object.keys(filters).length > 0;

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every IAM and catalog change (with before and after), and every refused sign-in or token. Newest first; times in UTC."
        actions={<ExportLinks href={(format) => exportHref(filters, sort, format)} />}
      />
      <div className="space-y-3">
        <AuditFilterForm filters={filters} sort={sort} action={PATH} />
        <IgnoredFiltersAlert
          invalid={invalid}
          labels={LABELS}
          rules="dates must be real dates; outcome is success, denied or failure"
        />
        <DataTable
          caption={query.sort.token === "-at" ? "Audit events, newest first" : "Audit events"}
          columns={auditColumns}
          rows={page.items}
          rowKey={(event) => event.id}
          paging={{ basePath: PATH, params, nextCursor: page.nextCursor }}
          sort={{ basePath: PATH, params, current: query.sort.token }}
          empty={
            filtered || query.cursor ? (
              <EmptyState
                title="No events match these filters"
                description="Actor and target match a name or id exactly; an action ending in “.” matches the whole family. Widen the time range or clear the filters."
                action={<ButtonLink href={PATH}>Clear filters</ButtonLink>}
              />
            ) : (
              <EmptyState
                title="No audit events yet"
                description="Changes to users, groups, M2M accounts, servers and tokens appear here as they happen, as do refused sign-ins and tokens."
              />
            )
          }
        />
        <p className="text-xs text-slate-500">
          Exports carry the current filters and include up to the 1,000 newest matching events; narrow the time range to
          export older ones.
        </p>
      </div>
    </>
  );
}
