import type { Metadata } from "next";
import { pathWithQuery, requirePageSession } from "@/components/layout/require-session";
import { CatalogEmptyState } from "@/components/servers/catalog-empty-state";
import { CatalogFilters } from "@/components/servers/catalog-filters";
import { ImportServerJsonButton } from "@/components/servers/import-server-json-button";
import { RegisterServerButton } from "@/components/servers/register-server-button";
import { serverColumns } from "@/components/servers/server-columns";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { param, type SearchParamsRecord } from "@/components/ui/url-state";
import { hasPermission } from "@/lib/access/effective-access";
import { findServers } from "@/lib/servers/find-servers";
import { serverListQuery } from "@/lib/servers/schemas";

export const metadata: Metadata = { title: "Catalog" };

export default async function CatalogPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const params = await searchParams;
  const session = await requirePageSession(pathWithQuery("/", params));
  const { access, principal } = session;
  const parsed = serverListQuery.safeParse({
    limit: 50,
    q: param(params, "q") || undefined,
    tag: param(params, "tag") || undefined,
    cursor: param(params, "cursor") || undefined,
  });
  const query = parsed.success ? parsed.data : { limit: 50 };
  const page = await findServers(session, query);
  const canManage = hasPermission(access, "servers:write");
  const tags = [...new Set(page.items.flatMap((server) => server.tags))];

  return (
    <>
      <PageHeader
        title="Catalog"
        description="The MCP servers and tools your groups give you access to. Open a server to see its tools and how to connect an MCP client."
        actions={
          canManage ? (
            <>
              <ImportServerJsonButton />
              <RegisterServerButton />
            </>
          ) : undefined
        }
      />
      <DataTable
        caption="Visible MCP servers"
        columns={serverColumns(params)}
        rows={page.items}
        rowKey={(server) => server.slug}
        toolbar={<CatalogFilters params={params} q={query.q} tag={query.tag} tags={tags} />}
        empty={
          <CatalogEmptyState
            filtered={Boolean(query.q || query.tag || query.cursor)}
            hasGroups={principal.groups.length > 0}
            canManage={canManage}
            q={query.q}
            tag={query.tag}
          />
        }
        paging={{ basePath: "/", params, nextCursor: page.nextCursor }}
      />
    </>
  );
}
