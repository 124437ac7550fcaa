import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { pathWithQuery, requirePageSession } from "@/components/layout/require-session";
import { AddUserButton } from "@/components/users/add-user-dialog";
import { userColumns } from "@/components/users/user-columns";
import { ButtonLink } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { ListFilters } from "@/components/ui/list-filters";
import { PageHeader } from "@/components/ui/page-header";
import { SearchBox } from "@/components/ui/search-box";
import { param, type SearchParamsRecord } from "@/components/ui/url-state";
import { hasPermission } from "@/lib/access/effective-access";
import { getConfig } from "@/lib/config";
import { isAppError } from "@/lib/errors";
import { findGroupOptions } from "@/lib/iam/groups/find-group-options";
import { findUsers, userListQuery } from "@/lib/iam/users/find-users";

export const metadata: Metadata = { title: "Users" };

const PATH = "/settings/iam/users";

export default async function UsersPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const params = await searchParams;
  const session = await requirePageSession(pathWithQuery(PATH, params));
  if (!hasPermission(session.access, "iam:read")) notFound();
  const canWrite = hasPermission(session.access, "iam:write");

  const parsed = userListQuery.safeParse({
    limit: param(params, "limit") || 50,
    cursor: param(params, "cursor"),
    q: param(params, "q") || undefined,
    sort: param(params, "sort"),
    enabled: param(params, "enabled") || undefined,
    group: param(params, "group") || undefined,
  });
  // A mangled URL (bad sort, a cursor from another sort) shows the first page of the default view.
  const query = parsed.success ? parsed.data : userListQuery.parse({ limit: 50 });
  const [page, groups] = await Promise.all([
    findUsers(session.db, query).catch((error: unknown) => {
      if (isAppError(error)) return findUsers(session.db, userListQuery.parse({ limit: 50 }));
      throw error;
    }),
    findGroupOptions(session.db),
  ]);
  const filtered = Boolean(query.q || query.cursor || query.enabled || query.group);
  const addUser = canWrite ? <AddUserButton tenantIds={getConfig().entra.tenantIds} groups={groups} /> : null;

  return (
    <>
      <PageHeader
        title="Users"
        description="People who sign in with Entra ID. A user appears here at first sign-in, or earlier when you add them, so groups can be assigned in advance."
        actions={addUser}
      />
      <DataTable
        caption="Users"
        columns={userColumns(session.principal.userId)}
        rows={page.items}
        rowKey={(user) => user.id}
        toolbar={
          <>
            <SearchBox
              action={PATH}
              defaultValue={query.q}
              label="Search users"
              placeholder="Search by name, email or object id"
              keep={params}
            />
            <ListFilters
              action={PATH}
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
                    ...groups.map((group) => ({ value: group.name, label: group.name })),
                  ],
                },
              ]}
            />
          </>
        }
        paging={{ basePath: PATH, params, nextCursor: page.nextCursor }}
        sort={{ basePath: PATH, params, current: query.sort.token }}
        empty={
          filtered ? (
            <EmptyState
              title="No users match this view"
              description="Search looks at display names, emails and the start of object ids; the status and group filters narrow it further."
              action={<ButtonLink href={PATH}>Clear search and filters</ButtonLink>}
            />
          ) : (
            <EmptyState
              title="No users yet"
              description="Users appear after their first sign-in. Add a user by tenant id and object id to assign groups before that."
              action={addUser}
            />
          )
        }
      />
    </>
  );
}
