import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { pathWithQuery, requirePageSession } from "@/components/layout/require-session";
import { LinkEntraAppDialog } from "@/components/m2m-accounts/link-entra-app-dialog";
import { m2mAccountColumns } from "@/components/m2m-accounts/m2m-account-columns";
import { M2mAccountFilters } from "@/components/m2m-accounts/m2m-account-filters";
import { M2mAccountsEmptyState } from "@/components/m2m-accounts/m2m-accounts-empty-state";
import { Alert } from "@/components/ui/alert";
import { DataTable } from "@/components/ui/data-table";
import { ListFilters } from "@/components/ui/list-filters";
import { PageHeader } from "@/components/ui/page-header";
import { SearchBox } from "@/components/ui/search-box";
import { param, type SearchParamsRecord } from "@/components/ui/url-state";
import { hasPermission } from "@/lib/access/effective-access";
import { getConfig } from "@/lib/config";
import { findGroups } from "@/lib/iam/groups/find-groups";
import { findM2mAccounts, m2mAccountListQuery } from "@/lib/iam/m2m-accounts/find-m2m-accounts";
import { refreshStaleEntraApps } from "@/lib/iam/m2m-accounts/refresh-entra-app";
import { isAppError } from "@/lib/errors";

export const metadata: Metadata = { title: "M2M Accounts" };

const BASE = "/settings/iam/m2m-accounts";

export default async function M2mAccountsPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const params = await searchParams;
  const session = await requirePageSession(pathWithQuery(BASE, params));
  const { db, access } = session;
  // The nav hides this page without iam:read; the server refuses it too.
  if (!hasPermission(access, "iam:read")) notFound();
  const canWrite = hasPermission(access, "iam:write");
  const parsed = m2mAccountListQuery.safeParse({
    limit: param(params, "limit") || 50,
    q: param(params, "q") || undefined,
    cursor: param(params, "cursor") || undefined,
    sort: param(params, "sort"),
    enabled: param(params, "enabled") || undefined,
    group: param(params, "group") || undefined,
  });
  // A mangled URL (bad sort, a cursor from another sort) shows the first page of the default view.
  const query = parsed.success ? parsed.data : m2mAccountListQuery.parse({ limit: 50 });
  const filters = { expiring: param(params, "expiring") === "1", unused: param(params, "unused") === "1" };
  // Graph answers are cached on the accounts: refresh stale ones first, so the expiry filter sees them.
  await refreshStaleEntraApps(db);
  const [page, groups] = await Promise.all([
    findM2mAccounts(session, query, filters).catch((error: unknown) => {
      if (isAppError(error)) return findM2mAccounts(session, m2mAccountListQuery.parse({ limit: 50 }), filters);
      throw error;
    }),
    findGroups(session, { limit: 200 }),
  ]);
  const linkProps = canWrite
    ? {
        defaultTenantId: getConfig().entra.tenantIds[0] ?? "",
        groupOptions: groups.items.map((g) => ({ name: g.name, description: g.description })),
      }
    : null;
  const graphProblem = page.items.find((a) => a.entraApp.error && !a.entraApp.error.startsWith("No app registration"))
    ?.entraApp.error;

  return (
    <>
      <PageHeader
        title="M2M Accounts"
        description="Entra ID app registrations linked to registry groups. A linked app calls the API with an access token it gets by the client-credentials flow; its groups decide what it sees."
        actions={linkProps ? <LinkEntraAppDialog {...linkProps} /> : null}
      />
      {graphProblem ? (
        <Alert tone="warning" title="Linked-app health is incomplete" className="mb-3">
          {graphProblem}
        </Alert>
      ) : null}
      <DataTable
        caption="M2M accounts"
        columns={m2mAccountColumns}
        rows={page.items}
        rowKey={(account) => account.id}
        toolbar={
          <>
            <SearchBox
              action={BASE}
              label="Search M2M accounts"
              placeholder="Name, tenant id or client id"
              defaultValue={query.q}
              keep={params}
            />
            <ListFilters
              action={BASE}
              params={params}
              filters={[
                {
                  name: "enabled",
                  label: "Status",
                  options: [
                    { value: "", label: "Any" },
                    { value: "true", label: "Enabled" },
                    { value: "false", label: "Disabled" },
                  ],
                },
                {
                  name: "group",
                  label: "Group",
                  options: [
                    { value: "", label: "Any group" },
                    ...groups.items.map((group) => ({ value: group.name, label: group.name })),
                  ],
                },
              ]}
            />
            <M2mAccountFilters basePath={BASE} params={params} />
          </>
        }
        sort={{ basePath: BASE, params, current: query.sort.token }}
        empty={
          <M2mAccountsEmptyState
            q={query.q}
            filtered={Boolean(query.enabled || query.group || query.cursor || filters.expiring || filters.unused)}
            canWrite={canWrite}
            link={linkProps ? <LinkEntraAppDialog {...linkProps} label="Link your first app" /> : undefined}
          />
        }
        paging={{ basePath: BASE, params, nextCursor: page.nextCursor }}
      />
    </>
  );
}
