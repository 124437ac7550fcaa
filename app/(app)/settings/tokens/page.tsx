import type { Metadata } from "next";
import { pathWithQuery, requirePageSession } from "@/components/layout/require-session";
import { CreateTokenDialog } from "@/components/tokens/create-token-dialog";
import { tokenColumns } from "@/components/tokens/token-columns";
import { TokensEmptyState } from "@/components/tokens/tokens-empty-state";
import { TokensUnavailable } from "@/components/tokens/tokens-unavailable";
import { ButtonLink } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { SearchBox } from "@/components/ui/search-box";
import { param, type SearchParamsRecord } from "@/components/ui/url-state";
import { hasPermission } from "@/lib/access/effective-access";
import { TOKEN_PERMISSIONS } from "@/lib/access/token-permissions";
import { getConfig } from "@/lib/config";
import { findServers } from "@/lib/servers/find-servers";
import { findTokens } from "@/lib/tokens/find-tokens";
import { pageQuery, SLUG_PATTERN } from "@/lib/validation/common";

export const metadata: Metadata = { title: "API Tokens" };

const BASE = "/settings/tokens";
const DESCRIPTION =
  "Personal tokens for MCP clients, scripts and CI. A token reads the catalog with at most your groups, holds only the permissions you give it, and is shown only once.";

export default async function TokensPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const params = await searchParams;
  const session = await requirePageSession(pathWithQuery(BASE, params));
  const { access, principal } = session;
  if (!hasPermission(access, "tokens:create")) {
    return (
      <>
        <PageHeader title="API Tokens" description={DESCRIPTION} />
        <TokensUnavailable groups={principal.groups.map((group) => group.name)} />
      </>
    );
  }
  const parsed = pageQuery.safeParse({
    limit: 50,
    q: param(params, "q") || undefined,
    cursor: param(params, "cursor") || undefined,
  });
  const query = parsed.success ? parsed.data : { limit: 50 };
  const [page, servers] = await Promise.all([findTokens(session, query), findServers(session, { limit: 200 })]);
  const server = param(params, "server");
  // One "now" per request so every row's status and actions agree.
  const now = Date.now();
  const listParams = { ...params, server: undefined };
  const dialogProps = {
    maxHours: getConfig().tokenMaxTtlHours,
    userGroups: principal.groups.map((group) => group.name),
    serverOptions: servers.items.map((s) => ({ slug: s.slug, name: s.name })),
    permissionOptions: TOKEN_PERMISSIONS.flatMap((permission) => {
      const groups = access.permissions.get(permission);
      return groups ? [{ permission, groups }] : [];
    }),
  };

  return (
    <>
      <PageHeader
        title="API Tokens"
        description={DESCRIPTION}
        actions={
          <>
            {hasPermission(access, "iam:read") ? (
              <ButtonLink href="/settings/tokens/all">All users' tokens</ButtonLink>
            ) : null}
            <CreateTokenDialog
              {...dialogProps}
              defaultServer={server && SLUG_PATTERN.test(server) ? server : undefined}
            />
          </>
        }
      />
      <DataTable
        caption="Your API tokens"
        columns={tokenColumns(now)}
        rows={page.items}
        rowKey={(token) => token.id}
        toolbar={
          <SearchBox
            action={BASE}
            label="Search tokens"
            placeholder="Token name"
            defaultValue={query.q}
            keep={listParams}
          />
        }
        empty={
          <TokensEmptyState
            q={query.q}
            create={<CreateTokenDialog {...dialogProps} label="Create your first token" />}
          />
        }
        paging={{ basePath: BASE, params: listParams, nextCursor: page.nextCursor }}
      />
    </>
  );
}
