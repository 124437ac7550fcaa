import Link from "next/link";
import type { Column } from "@/components/ui/data-table";
import { Time } from "@/components/ui/time";
import type { GatewayUsageRecord } from "@/lib/usage/find-gateway-usage";
import type { UsageLinks } from "@/lib/usage/find-usage-links";
import { formatDuration, PrincipalKindBadge, UsageOutcomeBadge } from "./usage-badges";

const LINK = "text-indigo-700 hover:underline";

function principalHref(principal: GatewayUsageRecord["principal"], links: UsageLinks): string | null {
  if (principal.kind === "user" && links.users.has(principal.id))
    return `/settings/iam/users/${encodeURIComponent(principal.id)}`;
  if (principal.kind === "m2m" && links.m2mAccounts.has(principal.id))
    return `/settings/iam/m2m-accounts/${encodeURIComponent(principal.id)}`;
  return null;
}

/** Columns of the usage table; `links` says which principals and servers have a page the viewer can open. */
export function usageColumns(links: UsageLinks): Column<GatewayUsageRecord>[] {
  return [
    {
      id: "at",
      header: "Time",
      className: "w-36",
      cell: (record) => <Time value={record.at} className="whitespace-nowrap text-slate-600 tabular-nums" />,
    },
    {
      id: "principal",
      header: "Principal",
      className: "w-52",
      cell: (record) => {
        const href = principalHref(record.principal, links);
        return (
          <span className="flex min-w-0 items-start gap-1.5" title={record.principal.id}>
            <PrincipalKindBadge kind={record.principal.kind} />
            <span className="max-w-40 min-w-0 break-words">
              {href ? (
                <Link href={href} className={LINK}>
                  {record.principal.name}
                </Link>
              ) : (
                record.principal.name
              )}
            </span>
          </span>
        );
      },
    },
    {
      id: "server",
      header: "Server",
      className: "w-40",
      cell: (record) =>
        links.servers.has(record.server) ? (
          <Link
            href={`/servers/${encodeURIComponent(record.server)}`}
            className={`${LINK} font-mono text-xs break-all`}
          >
            {record.server}
          </Link>
        ) : (
          <span
            className="font-mono text-xs break-all text-slate-500"
            title="Not in the catalog you can see (removed, or not visible to you)"
          >
            {record.server}
          </span>
        ),
    },
    {
      id: "tool",
      header: "Tool",
      rowHeader: true,
      cell: (record) => <span className="font-mono text-xs font-normal break-all">{record.tool}</span>,
    },
    {
      id: "outcome",
      header: "Outcome",
      className: "w-52",
      // The detail (JSON-RPC error or denial reason) sits under its outcome; the exports carry it whole.
      cell: (record) => (
        <>
          <UsageOutcomeBadge outcome={record.outcome} />
          {record.detail ? (
            <p className="mt-0.5 line-clamp-2 text-xs break-words text-slate-600" title={record.detail}>
              {record.detail}
            </p>
          ) : null}
        </>
      ),
    },
    {
      id: "duration",
      header: <span className="block text-right">Duration</span>,
      className: "w-24 text-right",
      cell: (record) => <span className="whitespace-nowrap tabular-nums">{formatDuration(record.durationMs)}</span>,
    },
  ];
}
