import type { Metadata } from "next";
import { pathWithQuery, requirePageSession } from "@/components/layout/require-session";
import { usageColumns } from "@/components/usage/usage-columns";
import { readUsageFilters, usageExportHref } from "@/components/usage/usage-filter-params";
import { UsageFilterForm } from "@/components/usage/usage-filter-form";
import { ButtonLink } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { ExportLinks } from "@/components/ui/export-links";
import { IgnoredFiltersAlert } from "@/components/ui/ignored-filters-alert";
import { PageHeader } from "@/components/ui/page-header";
import type { SearchParamsRecord } from "@/components/ui/url-state";
import { orNotFound } from "@/lib/http/or-not-found";
import { findGatewayUsage } from "@/lib/usage/find-gateway-usage";
import { findUsageLinks } from "@/lib/usage/find-usage-links";

export const metadata: Metadata = { title: "Gateway usage" };

const PATH = "/settings/usage";
const LABELS: Record<string, string> = {
  server: "Server",
  principal: "Principal",
  tool: "Tool",
  outcome: "Outcome",
  from: "From",
  to: "To",
  cursor: "The page position",
};

export default async function UsagePage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const params = await searchParams;
  const session = await requirePageSession(pathWithQuery(PATH, params));
  const { filters, query, invalid } = readUsageFilters(params);
  // Same rule as the Audit Log (and GET /api/usage): without audit:read the operation refuses and the page is not revealed (404).
  const page = await orNotFound(findGatewayUsage(session, query));
  const links = await findUsageLinks(session, { records: page.items });
  const filtered = Object.keys(filters).length > 0;

  return (
    <>
      <PageHeader
        title="Gateway usage"
        description="Every tools/call through the MCP gateway: who called which tool on which server, the outcome and how long it took. Newest first; times in UTC."
        actions={<ExportLinks href={(format) => usageExportHref(filters, format)} />}
      />
      <div className="space-y-3">
        <UsageFilterForm filters={filters} action={PATH} limit={query.limit === 50 ? undefined : query.limit} />
        <IgnoredFiltersAlert
          invalid={invalid}
          labels={LABELS}
          rules="dates must be real dates; outcome is ok, error, denied or upstream_error"
        />
        <DataTable
          caption="Gateway usage, newest first"
          columns={usageColumns(links)}
          rows={page.items}
          rowKey={(record) => record.id}
          paging={{ basePath: PATH, params, nextCursor: page.nextCursor }}
          empty={
            filtered || query.cursor ? (
              <EmptyState
                title="No usage matches these filters"
                description="Server, principal and tool match exactly (a principal by display name or id). Widen the time range or clear the filters."
                action={<ButtonLink href={PATH}>Clear filters</ButtonLink>}
              />
            ) : (
              <EmptyState
                title="No gateway usage yet"
                description="A record appears for every tools/call an MCP client sends through the gateway at /mcp/{slug}, including denied and failed calls. Connect a client from a server's page to start."
              />
            )
          }
        />
        <p className="text-xs text-slate-500">
          Exports carry the current filters and include up to the 1,000 newest matching records; narrow the time range
          to export older ones.
        </p>
      </div>
    </>
  );
}
