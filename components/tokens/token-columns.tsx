import { BadgeList } from "@/components/ui/badge";
import type { Column } from "@/components/ui/data-table";
import { Time } from "@/components/ui/time";
import type { ApiTokenRecord } from "@/lib/tokens/schemas";
import { TokenRowActions } from "./token-row-actions";
import { TokenStatusBadge, tokenStatus } from "./token-status";

/** Columns of the API token list; `now` is fixed per render so status and actions agree. */
export function tokenColumns(now: number): Column<ApiTokenRecord>[] {
  return [
    {
      id: "name",
      header: "Name",
      rowHeader: true,
      className: "min-w-36 break-words",
      cell: (token) => (
        <div>
          <span className="font-medium text-slate-900">{token.name}</span>
          <p
            className="font-mono text-xs font-normal whitespace-nowrap text-slate-500"
            title="Token stub: prefix and last characters"
          >
            {token.stub}
          </p>
        </div>
      ),
    },
    {
      id: "groups",
      header: "Groups",
      hideBelow: "md",
      cell: (token) => <BadgeList items={token.groups} tone="accent" mono empty="No groups" />,
    },
    {
      id: "permissions",
      header: "Permissions",
      cell: (token) => <BadgeList items={token.permissions} mono empty="Catalog reads only" />,
    },
    {
      id: "servers",
      header: "Servers",
      cell: (token) =>
        token.servers === null ? (
          <span className="text-slate-500">All visible</span>
        ) : (
          <BadgeList items={token.servers} mono wrap empty="None" />
        ),
    },
    { id: "created", header: "Created", hideBelow: "2xl", cell: (token) => <Time value={token.createdAt} /> },
    {
      id: "lastUsed",
      header: "Last used",
      hideBelow: "lg",
      cell: (token) => <Time value={token.lastUsedAt} className="tabular-nums" wrap />,
    },
    {
      id: "expires",
      header: "Expires",
      cell: (token) => <Time value={token.expiresAt} className="tabular-nums" wrap />,
    },
    {
      id: "status",
      header: "Status",
      cell: (token) => (
        <div>
          <TokenStatusBadge token={token} now={now} />
          {tokenStatus(token, now) === "rotating-grace" && token.graceUntil ? (
            <p className="mt-0.5 text-xs whitespace-nowrap text-slate-500">
              old secret until <Time value={token.graceUntil} />
            </p>
          ) : null}
        </div>
      ),
    },
    {
      id: "actions",
      header: <span className="sr-only">Actions</span>,
      className: "text-right whitespace-nowrap",
      cell: (token) => (
        <TokenRowActions
          id={token.id}
          name={token.name}
          usable={["active", "rotating-grace"].includes(tokenStatus(token, now))}
        />
      ),
    },
  ];
}
