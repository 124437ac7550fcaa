import type { Column } from "@/components/ui/data-table";
import { Time } from "@/components/ui/time";
import type { AuditEventRecord } from "@/lib/audit/find-audit-events";
import { ActorKindBadge, ActorName, OutcomeBadge } from "./audit-badges";
import { AuditEventDetails } from "./audit-event-details";

export const auditColumns: Column<AuditEventRecord>[] = [
  {
    id: "at",
    header: "Time",
    sortKey: "at",
    className: "w-36",
    cell: (event) => <Time value={event.at} className="whitespace-nowrap text-slate-600 tabular-nums" />,
  },
  {
    id: "actor",
    header: "Actor",
    sortKey: "actor",
    className: "w-44",
    cell: (event) => (
      <span className="flex min-w-0 items-start gap-1.5" title={event.actor.id ?? undefined}>
        <ActorKindBadge kind={event.actor.kind} />
        {/* break-words within a capped width: a long id wraps, yet never squeezes the column to a letter on phones (the table scrolls there). */}
        <span className="max-w-36 min-w-0 break-words">
          <ActorName actor={event.actor} />
        </span>
      </span>
    ),
  },
  {
    id: "action",
    header: "Action",
    sortKey: "action",
    rowHeader: true,
    className: "w-40",
    cell: (event) => <span className="font-mono text-xs font-normal">{event.action}</span>,
  },
  {
    id: "target",
    header: "Target",
    cell: (event) =>
      event.target.type || event.target.name ? (
        <span title={event.target.id ?? undefined} className="break-words">
          {event.target.type ? <span className="mr-1 text-xs text-slate-500">{event.target.type}</span> : null}
          {event.target.name ?? event.target.id}
        </span>
      ) : (
        <span className="text-slate-400">—</span>
      ),
  },
  {
    id: "outcome",
    header: "Outcome",
    sortKey: "outcome",
    className: "w-48",
    // The reason sits under its outcome (one column fewer keeps the table within 1280 px); Details shows it whole.
    cell: (event) => (
      <>
        <OutcomeBadge outcome={event.outcome} />
        {event.reason ? <p className="mt-0.5 line-clamp-2 text-xs break-words text-slate-600">{event.reason}</p> : null}
      </>
    ),
  },
  {
    id: "details",
    header: <span className="sr-only">Details</span>,
    className: "w-20",
    cell: (event) => <AuditEventDetails event={event} />,
  },
];
