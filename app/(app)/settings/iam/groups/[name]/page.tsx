import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { activityCursor, toObjectActivityProps } from "@/components/audit/object-activity-props";
import { findObjectActivity } from "@/lib/audit/find-object-activity";
import { orNotFound } from "@/lib/http/or-not-found";
import { ObjectActivity } from "@/components/audit/object-activity";
import type { SearchParamsRecord } from "@/components/ui/url-state";
import { requirePageSession } from "@/components/layout/require-session";
import { DeleteGroupButton } from "@/components/groups/delete-group-button";
import { GroupEditor } from "@/components/groups/group-editor";
import { GroupMembersSection } from "@/components/groups/group-members-section";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { hasPermission } from "@/lib/access/effective-access";
import { BUILT_IN_ADMIN_GROUP } from "@/lib/access/permissions";
import { findGroupMembers } from "@/lib/iam/groups/find-group-members";
import { getGroup } from "@/lib/iam/groups/find-groups";
import { findServerSlugs } from "@/lib/servers/find-server-slugs";

type Params = Promise<{ name: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: `Group ${(await params).name}` };
}

export default async function GroupPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Promise<SearchParamsRecord>;
}) {
  const name = (await params).name;
  const query = await searchParams;
  const session = await requirePageSession(`/settings/iam/groups/${name}`);
  if (!hasPermission(session.access, "iam:read")) notFound();
  const group = await orNotFound(getGroup(session, { name }));
  const canWrite = hasPermission(session.access, "iam:write");
  const isAdminGroup = group.name === BUILT_IN_ADMIN_GROUP;
  const [members, knownServers, activity] = await Promise.all([
    findGroupMembers(session, group),
    // Only editors learn which slugs exist (for the warning on rules whose server does not); the operation checks iam:write.
    canWrite ? findServerSlugs(session) : undefined,
    findObjectActivity(session, { targetType: "group", targetId: group.id, cursor: activityCursor(query) }).then(
      (page) =>
        toObjectActivityProps(page, "group", {
          path: `/settings/iam/groups/${encodeURIComponent(group.name)}`,
          params: query,
        }),
    ),
  ]);

  const editor = (
    <GroupEditor
      key={group.version}
      group={group}
      canWrite={canWrite}
      locked={isAdminGroup}
      knownServers={knownServers}
      members={<GroupMembersSection group={group.name} members={members} canWrite={canWrite} />}
      activity={
        activity ? { content: <ObjectActivity {...activity} />, open: activity.newestHref !== null } : undefined
      }
    />
  );

  return (
    <>
      <PageHeader
        breadcrumbs={
          <Link href="/settings/iam/groups" className="hover:underline">
            Groups
          </Link>
        }
        title={
          <span className="flex items-center gap-2">
            <span className="font-mono">{group.name}</span>
            {group.builtIn ? <Badge tone="accent">built-in</Badge> : null}
          </span>
        }
        description={
          isAdminGroup
            ? "Protected: the registry's administrators. It cannot be deleted and always holds every permission; you can still edit its Entra mappings and rules."
            : group.description || undefined
        }
        actions={
          <>
            <ButtonLink href={`/settings/access-explorer?groupName=${encodeURIComponent(group.name)}`}>
              View access
            </ButtonLink>
            {canWrite ? (
              <DeleteGroupButton
                name={group.name}
                protectedGroup={group.builtIn}
                memberCount={group.members.users.length + group.members.m2mAccounts.length}
              />
            ) : null}
          </>
        }
      />
      {editor}
    </>
  );
}
