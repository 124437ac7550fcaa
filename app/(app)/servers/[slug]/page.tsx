import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageSession } from "@/components/layout/require-session";
import { ConnectPanel } from "@/components/servers/connect-panel";
import { EnabledBadge } from "@/components/servers/health-badge";
import { objectActivityProps } from "@/components/audit/object-activity-props";
import { ObjectActivity } from "@/components/audit/object-activity";
import { ServerAccessCard } from "@/components/servers/server-access-card";
import { ManagedToolList } from "@/components/servers/managed-tool-list";
import { ServerHealth } from "@/components/servers/server-health";
import { ServerManagementBar } from "@/components/servers/server-management-bar";
import { ToolList } from "@/components/servers/tool-list";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { Tabs } from "@/components/ui/tabs";
import { param, type SearchParamsRecord } from "@/components/ui/url-state";
import { grantFor, hasPermission } from "@/lib/access/effective-access";
import { findObjectActivity } from "@/lib/audit/find-object-activity";
import { getConfig } from "@/lib/config";
import { isAppError } from "@/lib/errors";
import { getServer } from "@/lib/servers/get-server";
import { SLUG_PATTERN } from "@/lib/validation/common";

type Params = Promise<{ slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: (await params).slug };
}

export default async function ServerPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Promise<SearchParamsRecord>;
}) {
  const { slug } = await params;
  const { db, access } = await requirePageSession(`/servers/${slug}`);
  if (!SLUG_PATTERN.test(slug)) notFound();
  const server = await getServer(db, access, slug).catch((error: unknown) => {
    // Invisible and absent servers are the same 404 (SPEC §3).
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  const canManage = hasPermission(access, "servers:write");
  const tools = canManage ? (
    <ManagedToolList slug={server.slug} tools={server.tools ?? []} />
  ) : (
    <ToolList tools={server.tools ?? []} />
  );
  // The server's id, not its slug: a deleted server's events stay with it, not with a new namesake.
  const query = await searchParams;
  const activity = objectActivityProps(
    await findObjectActivity(db, access, { type: "server", id: server.id }, param(query, "activity")),
    { id: server.id, noun: "server" },
    { path: `/servers/${server.slug}`, params: query },
  );

  return (
    <>
      <PageHeader
        breadcrumbs={
          <Link href="/" className="hover:text-slate-800 hover:underline">
            Catalog
          </Link>
        }
        title={
          <span className="flex flex-wrap items-center gap-2">
            {server.name}
            <span className="font-mono text-sm font-normal text-slate-500">{server.slug}</span>
          </span>
        }
        description={server.description || undefined}
        actions={
          <div className="flex flex-wrap items-center gap-1.5">
            <EnabledBadge enabled={server.enabled} />
            {server.version ? <Badge mono>v{server.version.replace(/^v/, "")}</Badge> : null}
            <Badge mono>{server.transport}</Badge>
            {server.tags.map((tag) => (
              <Badge key={tag}>{tag}</Badge>
            ))}
          </div>
        }
      />
      <div className="mb-4 -mt-2">
        <ServerHealth slug={server.slug} health={server.health} canCheck={canManage} />
      </div>
      {canManage ? <ServerManagementBar server={server} /> : null}
      <div className="grid grid-cols-[minmax(0,1fr)] items-start gap-5 lg:grid-cols-[minmax(0,1fr)_27rem]">
        {activity ? (
          <Tabs
            label="Server views"
            defaultTab={activity.newestHref ? "activity" : undefined}
            className="min-w-0"
            items={[
              { id: "tools", label: "Tools", content: tools },
              { id: "activity", label: "Activity", content: <ObjectActivity {...activity} /> },
            ]}
          />
        ) : (
          tools
        )}
        <div className="min-w-0 space-y-5">
          <ConnectPanel
            slug={server.slug}
            registryUrl={getConfig().registryUrl}
            canCreateTokens={hasPermission(access, "tokens:create")}
          />
          <ServerAccessCard
            grant={grantFor(access, server.slug)}
            managerGroups={access.permissions.get("servers:write") ?? []}
          />
        </div>
      </div>
    </>
  );
}
