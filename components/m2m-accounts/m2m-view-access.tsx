import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { GrantReasonList, NameSetList, describeGroupReason } from "@/components/servers/grant-reasons";
import type { M2mViewAccess } from "./load-m2m-view-access";

type Row = M2mViewAccess["servers"][number];

function columns(managesCatalog: boolean): Column<Row>[] {
  const managed = <Badge tone="success">all (servers:write)</Badge>;
  return [
    {
      id: "server",
      header: "Server",
      rowHeader: true,
      cell: ({ server }) => (
        <span>
          {server.name} <span className="ml-1 font-mono text-xs font-normal text-slate-500">{server.slug}</span>
          {!server.enabled ? <Badge tone="warning" className="ml-1.5">Disabled</Badge> : null}
        </span>
      ),
    },
    { id: "methods", header: "Methods", cell: ({ grant }) => (grant ? <NameSetList set={grant.methods} noneLabel="lifecycle only" /> : managed) },
    { id: "tools", header: "Tools", cell: ({ grant }) => (grant ? <NameSetList set={grant.tools} noneLabel="none" /> : managed) },
    {
      id: "why",
      header: "Granted by",
      cell: ({ grant }) => (grant ? <GrantReasonList reasons={grant.reasons} /> : managesCatalog ? <span className="text-[13px] text-slate-600">catalog manager (servers:write)</span> : null),
    },
  ];
}

/**
 * "View access": the servers and tools this account would see, and why. Only what the account can
 * use is listed: tokens:create never applies to an app (API tokens belong to people), and a
 * disabled account sees nothing at all.
 */
export function M2mViewAccessCard({ view, enabled }: { view: M2mViewAccess; enabled: boolean }) {
  const permissions = [...view.access.permissions.entries()].filter(([permission]) => permission !== "tokens:create");
  const tokensCreate = view.access.permissions.get("tokens:create");
  if (!enabled) {
    return (
      <Card aria-labelledby="view-access-heading">
        <CardHeader id="view-access-heading" title="View access" />
        <CardBody>
          <p className="text-[13px] text-slate-700"><span className="font-medium">Disabled: sees nothing.</span> Every request with this app's token is refused (403 client_not_registered) until the account is enabled again.</p>
        </CardBody>
      </Card>
    );
  }
  return (
    <Card aria-labelledby="view-access-heading">
      <CardHeader
        id="view-access-heading"
        title="View access"
        description="What this account sees through its assigned groups. App roles or Entra group ids in its token can add groups mapped to them."
      />
      <CardBody className="space-y-4">
        <dl className="grid grid-cols-1 gap-3 text-[13px] sm:grid-cols-2">
          <div>
            <dt className="mb-1 text-xs font-medium text-slate-500">Groups</dt>
            <dd>
              {view.groups.length === 0 ? (
                <span className="text-slate-500">None — the account sees an empty catalog.</span>
              ) : (
                <ul className="space-y-1">
                  {view.groups.map((group) => (
                    <li key={group.id} className="flex flex-wrap items-center gap-1.5">
                      <Badge tone="accent" mono>{group.name}</Badge>
                      <span className="text-slate-500">{group.reasons.map(describeGroupReason).join(", ")}</span>
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
          <div>
            <dt className="mb-1 text-xs font-medium text-slate-500">Permissions</dt>
            <dd>
              {permissions.length === 0 ? (
                <span className="text-slate-500">None: it manages nothing in the registry. What it may call on each server is listed below.</span>
              ) : (
                <ul className="space-y-1">
                  {permissions.map(([permission, groups]) => (
                    <li key={permission} className="flex flex-wrap items-center gap-1.5">
                      <Badge mono>{permission}</Badge>
                      <span className="text-slate-500">via {groups.join(", ")}</span>
                    </li>
                  ))}
                </ul>
              )}
              {tokensCreate ? <p className="mt-1 text-xs text-slate-500">tokens:create (via {tokensCreate.join(", ")}) does not apply: only people hold API tokens.</p> : null}
            </dd>
          </div>
        </dl>
        <DataTable
          caption="Servers this account can see"
          columns={columns(view.access.managesCatalog)}
          rows={view.servers}
          rowKey={({ server }) => server.slug}
          empty={<EmptyState title="No servers visible" description="Assign a group with a server access rule (IAM > Groups) to give this app access to servers and tools." />}
        />
        {view.truncated ? <p className="text-xs text-slate-500">Showing the first 200 servers.</p> : null}
      </CardBody>
    </Card>
  );
}
