import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { pathWithQuery, requirePageSession } from "@/components/layout/require-session";
import { groupColumns } from "@/components/groups/group-columns";
import { GROUP_SORT_FILTER } from "@/components/groups/group-sort-filter";
import { ButtonLink } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { ListFilters } from "@/components/ui/list-filters";
import { PageHeader } from "@/components/ui/page-header";
import { SearchBox } from "@/components/ui/search-box";
import { param, type SearchParamsRecord } from "@/components/ui/url-state";
import { hasPermission } from "@/lib/access/effective-access";
import { isAppError } from "@/lib/errors";
import { findGroups, groupListQuery } from "@/lib/iam/groups/find-groups";

export const metadata: Metadata = { title: "Groups" };

const PATH = "/settings/iam/groups";

export default async function GroupsPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const params = await searchParams;
  const session = await requirePageSession(pathWithQuery(PATH, params));
  if (!hasPermission(session.access, "iam:read")) notFound();
  const canWrite = hasPermission(session.access, "iam:write");

  const parsed = groupListQuery.safeParse({
    limit: param(params, "limit") || 50,
    cursor: param(params, "cursor"),
    q: param(params, "q") || undefined,
    sort: param(params, "sort"),
  });
  // A mangled URL (bad sort, a cursor from another sort) shows the first page of the default view.
  const query = parsed.success ? parsed.data : groupListQuery.parse({ limit: 50 });
  const page = await findGroups(session, query).catch((error: unknown) => {
    if (isAppError(error)) return findGroups(session, groupListQuery.parse({ limit: 50 }));
    throw error;
  });
  const newGroup = canWrite ? (
    <ButtonLink href={`${PATH}/new`} variant="primary">
      New group
    </ButtonLink>
  ) : null;

  return (
    <>
      <PageHeader
        title="Groups"
        description="Groups grant access to servers, tools and MCP methods, and registry permissions. Users and M2M accounts get groups by assignment or through Entra group ids and app roles."
        actions={newGroup}
      />
      <DataTable
        caption="Groups"
        columns={groupColumns}
        rows={page.items}
        rowKey={(group) => group.id}
        toolbar={
          <>
            <SearchBox
              action={PATH}
              defaultValue={query.q}
              label="Search groups"
              placeholder="Search by name or description"
              keep={params}
            />
            <ListFilters action={PATH} params={params} filters={[GROUP_SORT_FILTER]} />
          </>
        }
        paging={{ basePath: PATH, params, nextCursor: page.nextCursor }}
        sort={{ basePath: PATH, params, current: query.sort.token }}
        empty={
          query.q || query.cursor ? (
            <EmptyState
              title={`No groups match “${query.q ?? ""}”`}
              description="Search looks at group names and descriptions. Try a shorter term, or clear the search."
              action={<ButtonLink href={PATH}>Clear search</ButtonLink>}
            />
          ) : (
            <EmptyState
              title="No groups yet"
              description="Create a group, give it server access rules, then assign users and M2M accounts to it."
              action={newGroup}
            />
          )
        }
      />
    </>
  );
}
