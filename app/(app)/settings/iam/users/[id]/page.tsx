import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { objectActivityProps } from "@/components/audit/object-activity-props";
import { ObjectActivity } from "@/components/audit/object-activity";
import { Tabs } from "@/components/ui/tabs";
import { param, type SearchParamsRecord } from "@/components/ui/url-state";
import { requirePageSession } from "@/components/layout/require-session";
import { UserGroupsForm } from "@/components/users/user-groups-form";
import { UserIdentityCard } from "@/components/users/user-identity-card";
import { SignOutUserButton } from "@/components/users/sign-out-user-button";
import { UserStatusButton } from "@/components/users/user-status-button";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { hasPermission } from "@/lib/access/effective-access";
import { findObjectActivity } from "@/lib/audit/find-object-activity";
import { findGroupOptions } from "@/lib/iam/groups/find-group-options";
import { getUser } from "@/lib/iam/users/find-users";

export const metadata: Metadata = { title: "User" };

export default async function UserPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParamsRecord>;
}) {
  const { id } = await params;
  const session = await requirePageSession(`/settings/iam/users/${id}`);
  if (!hasPermission(session.access, "iam:read")) notFound();
  const user = await getUser(session.db, id);
  if (!user) notFound();
  const canWrite = hasPermission(session.access, "iam:write");
  const isSelf = user.id === session.principal.userId;
  const query = await searchParams;
  const [groups, activityPage] = await Promise.all([
    findGroupOptions(session.db),
    findObjectActivity(session.db, session.access, { type: "user", id: user.id }, param(query, "activity")),
  ]);
  const activity = objectActivityProps(
    activityPage,
    { id: user.id, noun: "user" },
    { path: `/settings/iam/users/${user.id}`, params: query },
  );

  const details = (
    <div className="grid grid-cols-1 items-start gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <UserGroupsForm key={user.version} user={user} groups={groups} canWrite={canWrite} />
      <UserIdentityCard user={user} />
    </div>
  );

  return (
    <>
      <PageHeader
        breadcrumbs={
          <Link href="/settings/iam/users" className="hover:underline">
            Users
          </Link>
        }
        title={
          <span className="flex items-center gap-2">
            {user.displayName}
            {isSelf ? <Badge tone="accent">you</Badge> : null}
            {user.enabled ? null : (
              <Badge tone="neutral" dot>
                Disabled
              </Badge>
            )}
          </span>
        }
        description={user.email ?? undefined}
        actions={
          <>
            <ButtonLink href={`/settings/access-explorer?userId=${encodeURIComponent(user.id)}`}>
              View access
            </ButtonLink>
            {canWrite ? <SignOutUserButton id={user.id} displayName={user.displayName} isSelf={isSelf} /> : null}
            {canWrite ? <UserStatusButton key={`status-${user.version}`} user={user} isSelf={isSelf} /> : null}
          </>
        }
      />
      {activity ? (
        <Tabs
          label="User views"
          defaultTab={activity.newestHref ? "activity" : undefined}
          items={[
            { id: "user", label: "Groups", content: details },
            { id: "activity", label: "Activity", content: <ObjectActivity {...activity} /> },
          ]}
        />
      ) : (
        details
      )}
    </>
  );
}
