import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { pathWithQuery, requirePageSession } from "@/components/layout/require-session";
import { AddUserButton } from "@/components/users/add-user-dialog";
import { loadGroupOptions } from "@/components/users/load-group-options";
import { userColumns } from "@/components/users/user-columns";
import { ButtonLink } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { SearchBox } from "@/components/ui/search-box";
import { param, type SearchParamsRecord } from "@/components/ui/url-state";
import { hasPermission } from "@/lib/access/effective-access";
import { getConfig } from "@/lib/config";
import { findUsers } from "@/lib/iam/users/find-users";
import { pageQuery } from "@/lib/validation/common";

export const metadata: Metadata = { title: "Users" };

const PATH = "/settings/iam/users";

export default async function UsersPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const params = await searchParams;
  const session = await requirePageSession(pathWithQuery(PATH, params));
  if (!hasPermission(session.access, "iam:read")) notFound();
  const canWrite = hasPermission(session.access, "iam:write");

  const parsed = pageQuery.safeParse({ limit: 50, cursor: param(params, "cursor"), q: param(params, "q") || undefined });
  const query = parsed.success ? parsed.data : { limit: 50 };
  const [page, groups] = await Promise.all([findUsers(session.db, query), canWrite ? loadGroupOptions(session.db) : Promise.resolve([])]);
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
        toolbar={<SearchBox action={PATH} defaultValue={query.q} label="Search users" placeholder="Search by name, email or object id" />}
        paging={{ basePath: PATH, params, nextCursor: page.nextCursor }}
        empty={
          query.q || query.cursor ? (
            <EmptyState title={`No users match “${query.q ?? ""}”`} description="Search looks at display names, emails and the start of object ids." action={<ButtonLink href={PATH}>Clear search</ButtonLink>} />
          ) : (
            <EmptyState title="No users yet" description="Users appear after their first sign-in. Add a user by tenant id and object id to assign groups before that." action={addUser} />
          )
        }
      />
    </>
  );
}
