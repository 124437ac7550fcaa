import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageSession } from "@/components/layout/require-session";
import { GroupEditor } from "@/components/groups/group-editor";
import { PageHeader } from "@/components/ui/page-header";
import { hasPermission } from "@/lib/access/effective-access";
import { orNotFound } from "@/lib/http/or-not-found";
import { findServerSlugs } from "@/lib/servers/find-server-slugs";

export const metadata: Metadata = { title: "New group" };

export default async function NewGroupPage() {
  const session = await requirePageSession("/settings/iam/groups/new");
  // The new group opens on its own page, which needs iam:read; creating it needs iam:write, checked by findServerSlugs.
  if (!hasPermission(session.access, "iam:read")) notFound();
  const knownServers = await orNotFound(findServerSlugs(session));

  return (
    <>
      <PageHeader
        breadcrumbs={
          <Link href="/settings/iam/groups" className="hover:underline">
            Groups
          </Link>
        }
        title="New group"
        description="Name the group and choose what it grants. Members are assigned afterwards, on each user or M2M account."
      />
      <GroupEditor group={null} canWrite knownServers={knownServers} />
    </>
  );
}
