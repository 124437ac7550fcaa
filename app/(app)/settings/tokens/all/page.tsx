import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { pathWithQuery, requirePageSession } from "@/components/layout/require-session";
import { adminTokenColumns } from "@/components/tokens/admin-token-columns";
import { ButtonLink } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { ListFilters } from "@/components/ui/list-filters";
import { PageHeader } from "@/components/ui/page-header";
import { SearchBox } from "@/components/ui/search-box";
import { param, type SearchParamsRecord } from "@/components/ui/url-state";
import { hasPermission } from "@/lib/access/effective-access";
import { isAppError } from "@/lib/errors";
import { allTokensQuery, findAllTokens, TOKEN_STATUSES } from "@/lib/tokens/find-all-tokens";

export const metadata: Metadata = { title: "All API Tokens" };

const BASE = "/settings/tokens/all";

/** Every user's API tokens, for iam:read holders; revoking needs iam:write. */
export default async function AllTokensPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const params = await searchParams;
  const session = await requirePageSession(pathWithQuery(BASE, params));
  const { access } = session;
  if (!hasPermission(access, "iam:read")) notFound();
  const parsed = allTokensQuery.safeParse({
    limit: param(params, "limit") || 50,
    q: param(params, "q") || undefined,
    cursor: param(params, "cursor") || undefined,
    sort: param(params, "sort"),
    status: param(params, "status") || undefined,
  });
  const query = parsed.success ? parsed.data : allTokensQuery.parse({ limit: 50 });
  const page = await findAllTokens(session, query).catch((error: unknown) => {
    if (isAppError(error)) return findAllTokens(session, allTokensQuery.parse({ limit: 50 }));
    throw error;
  });
  const now = Date.now();

  return (
    <>
      <PageHeader
        breadcrumbs={
          <Link href="/settings/tokens" className="hover:underline">
            API Tokens
          </Link>
        }
        title="All users' API tokens"
        description="Every registry API token, whoever owns it. Revoke a leaked or forgotten token here; its owner's clients are refused from their next request."
      />
      <DataTable
        caption="All API tokens"
        columns={adminTokenColumns(now, hasPermission(access, "iam:write"))}
        rows={page.items}
        rowKey={(token) => token.id}
        toolbar={
          <>
            <SearchBox
              action={BASE}
              label="Search tokens"
              placeholder="Token or owner name"
              defaultValue={query.q}
              keep={params}
            />
            <ListFilters
              action={BASE}
              params={params}
              filters={[
                {
                  name: "status",
                  label: "Status",
                  options: [
                    { value: "", label: "Any" },
                    ...TOKEN_STATUSES.map((status) => ({ value: status, label: status })),
                  ],
                },
              ]}
            />
          </>
        }
        sort={{ basePath: BASE, params, current: query.sort.token }}
        paging={{ basePath: BASE, params, nextCursor: page.nextCursor }}
        empty={
          query.q || query.status || query.cursor ? (
            <EmptyState
              title="No tokens match this view"
              description="Search looks at token and owner names; the status filter narrows it."
              action={<ButtonLink href={BASE}>Clear search and filters</ButtonLink>}
            />
          ) : (
            <EmptyState
              title="No API tokens yet"
              description="Users create their own tokens under Settings > API Tokens."
              action={<ButtonLink href="/settings/tokens">Go to your tokens</ButtonLink>}
            />
          )
        }
      />
    </>
  );
}
