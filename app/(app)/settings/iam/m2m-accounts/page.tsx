import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { pathWithQuery, requirePageSession } from "@/components/layout/require-session";
import { LinkEntraAppDialog } from "@/components/m2m-accounts/link-entra-app-dialog";
import { m2mAccountColumns } from "@/components/m2m-accounts/m2m-account-columns";
import { M2mAccountFilters } from "@/components/m2m-accounts/m2m-account-filters";
import { M2mAccountsEmptyState } from "@/components/m2m-accounts/m2m-accounts-empty-state";
import { Alert } from "@/components/ui/alert";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { SearchBox } from "@/components/ui/search-box";
import { param, type SearchParamsRecord } from "@/components/ui/url-state";
import { hasPermission } from "@/lib/access/effective-access";
import { getConfig } from "@/lib/config";
import { findGroups } from "@/lib/iam/groups/find-groups";
import { findM2mAccounts } from "@/lib/iam/m2m-accounts/find-m2m-accounts";
import { refreshStaleEntraApps } from "@/lib/iam/m2m-accounts/refresh-entra-app";
import { pageQuery } from "@/lib/validation/common";

export const metadata: Metadata = { title: "M2M Accounts" };

const BASE = "/settings/iam/m2m-accounts";

export default async function M2mAccountsPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const params = await searchParams;
  const { db, access } = await requirePageSession(pathWithQuery(BASE, params));
  // The nav hides this page without iam:read; the server refuses it too.
  if (!hasPermission(access, "iam:read")) notFound();
  const canWrite = hasPermission(access, "iam:write");
  const parsed = pageQuery.safeParse({ limit: 50, q: param(params, "q") || undefined, cursor: param(params, "cursor") || undefined });
  const query = parsed.success ? parsed.data : { limit: 50 };
  const filters = { expiring: param(params, "expiring") === "1", unused: param(params, "unused") === "1" };
  // Graph answers are cached on the accounts: refresh stale ones first, so the expiry filter sees them.
  await refreshStaleEntraApps(db);
  const [page, groups] = await Promise.all([findM2mAccounts(db, query, filters), canWrite ? findGroups(db, { limit: 200 }) : null]);
  const linkProps = groups ? { defaultTenantId: getConfig().entra.tenantIds[0] ?? "", groupOptions: groups.items.map((g) => ({ name: g.name, description: g.description })) } : null;
  const graphProblem = page.items.find((a) => a.entraApp.error && !a.entraApp.error.startsWith("No app registration"))?.entraApp.error;

  return (
    <>
      <PageHeader
        title="M2M Accounts"
        description="Entra ID app registrations linked to registry groups. A linked app calls the API with an access token it gets by the client-credentials flow; its groups decide what it sees."
        actions={canWrite && linkProps ? <LinkEntraAppDialog {...linkProps} /> : null}
      />
      {graphProblem ? <Alert tone="warning" title="Linked-app health is incomplete" className="mb-3">{graphProblem}</Alert> : null}
      <DataTable
        caption="M2M accounts"
        columns={m2mAccountColumns}
        rows={page.items}
        rowKey={(account) => account.id}
        toolbar={
          <>
            <SearchBox action={BASE} label="Search M2M accounts" placeholder="Name, tenant id or client id" defaultValue={query.q} keep={params} />
            <M2mAccountFilters basePath={BASE} params={params} />
          </>
        }
        empty={filters.expiring || filters.unused ? <p className="p-6 text-center text-sm text-slate-500">No M2M accounts match these filters.</p> : <M2mAccountsEmptyState q={query.q} canWrite={canWrite} link={linkProps ? <LinkEntraAppDialog {...linkProps} label="Link your first app" /> : undefined} />}
        paging={{ basePath: BASE, params, nextCursor: page.nextCursor }}
      />
    </>
  );
}
