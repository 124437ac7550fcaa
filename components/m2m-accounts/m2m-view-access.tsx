import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { GrantReasonList, NameSetList, describeGroupReason } from "@/components/servers/grant-reasons";
import type { GrantReason } from "@/lib/access/effective-access";
import type { M2mAccountAccess } from "@/lib/iam/m2m-accounts/explain-m2m-account";
import { describeLastToken } from "@/lib/iam/m2m-accounts/m2m-last-token";

type Row = M2mAccountAccess["servers"][number];

const asSet = (value: "*" | string[]) => (value === "*" ? "*" : new Set(value));
const ruleReasons = (row: Row) => row.reasons.filter((reason): reason is GrantReason => reason.rule !== null);
const managedBy = (row: Row) => row.reasons.some((reason) => reason.rule === null);

function columns(): Column<Row>[] {
  return [
    {
      id: "server",
      header: "Server",
      rowHeader: true,
      cell: (server) => (
        <span>
          {server.name} <span className="ml-1 font-mono text-xs font-normal text-slate-500">{server.slug}</span>
          {!server.enabled ? (
            <Badge tone="warning" className="ml-1.5">
              Disabled
            </Badge>
          ) : null}
        </span>
      ),
    },
    {
      id: "methods",
      header: "Methods",
      cell: (server) => <NameSetList set={asSet(server.methods)} noneLabel="lifecycle only" />,
    },
    { id: "tools", header: "Tools", cell: (server) => <NameSetList set={asSet(server.tools)} noneLabel="none" /> },
    {
      id: "why",
      header: "Granted by",
      cell: (server) => (
        <>
          <GrantReasonList reasons={ruleReasons(server)} />
          {managedBy(server) ? (
            <span className="text-[13px] text-slate-600">catalog manager (servers:write)</span>
          ) : null}
        </>
      ),
    },
  ];
}

/**
 * "View access": the servers and tools this account would see, and why. Only what the account can
 * use is listed: tokens:create never applies to an app (API tokens belong to people), and a
 * disabled account sees nothing at all.
 */
export function M2mViewAccessCard({ view, enabled }: { view: M2mAccountAccess; enabled: boolean }) {
  const permissions = view.permissions.filter(({ permission }) => permission !== "tokens:create");
  const tokensCreate = view.permissions.find(({ permission }) => permission === "tokens:create")?.groups;
  if (!enabled) {
    return (
      <Card aria-labelledby="view-access-heading">
        <CardHeader id="view-access-heading" title="View access" />
        <CardBody>
          <p className="text-[13px] text-slate-700">
            <span className="font-medium">Disabled: sees nothing.</span> Every request with this app&apos;s token is
            refused (403 client_not_registered) until the account is enabled again.
          </p>
        </CardBody>
      </Card>
    );
  }
  return (
    <Card aria-labelledby="view-access-heading">
      <CardHeader
        id="view-access-heading"
        title="View access"
        description="What this account sees through its assigned groups and the groups mapped to the app roles and Entra group ids of its last token."
      />
      <CardBody className="space-y-4">
        <p data-testid="last-token" className="rounded-md bg-slate-50 px-3 py-2 text-[13px] text-slate-700 break-words">
          {view.lastToken ? "Access " : null}
          {describeLastToken(view.lastToken)}.
        </p>
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
                      <Badge tone="accent" mono>
                        {group.name}
                      </Badge>
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
                <span className="text-slate-500">
                  None: it manages nothing in the registry. What it may call on each server is listed below.
                </span>
              ) : (
                <ul className="space-y-1">
                  {permissions.map(({ permission, groups }) => (
                    <li key={permission} className="flex flex-wrap items-center gap-1.5">
                      <Badge mono>{permission}</Badge>
                      <span className="text-slate-500">via {groups.join(", ")}</span>
                    </li>
                  ))}
                </ul>
              )}
              {tokensCreate ? (
                <p className="mt-1 text-xs text-slate-500">
                  tokens:create (via {tokensCreate.join(", ")}) does not apply: only people hold API tokens.
                </p>
              ) : null}
            </dd>
          </div>
        </dl>
        <DataTable
          caption="Servers this account can see"
          columns={columns()}
          rows={view.servers}
          rowKey={(server) => server.slug}
          empty={
            <EmptyState
              title="No servers visible"
              description="Assign a group with a server access rule (IAM > Groups) to give this app access to servers and tools."
            />
          }
        />
        {view.truncated ? <p className="text-xs text-slate-500">Showing the first 500 servers.</p> : null}
      </CardBody>
    </Card>
  );
}
