import Link from "next/link";
import { ActorKindBadge, ActorName } from "@/components/audit/audit-badges";
import { AuditEventDetails } from "@/components/audit/audit-event-details";
import { summarizeChange } from "@/components/audit/change-summary";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Time } from "@/components/ui/time";
import type { AuditEventRecord } from "@/lib/audit/find-audit-events";

export interface ObjectActivityProps {
  /** "server", "group", "user", "M2M account": used in headings and labels. */
  noun: string;
  /** The audit target id (the object's id, so a deleted object's events never move to a namesake). */
  targetId: string;
  events: AuditEventRecord[];
  /** Links for paging (cursors in the URL); null when there is no such page. */
  olderHref: string | null;
  newestHref: string | null;
}

/** One object's audit events, newest first, paged: who did what, when, and what changed. */
export function ObjectActivity({ noun, targetId, events, olderHref, newestHref }: ObjectActivityProps) {
  const label = `${noun.charAt(0).toUpperCase()}${noun.slice(1)} activity`;
  return (
    <Card aria-labelledby="activity-heading">
      <CardHeader
        id="activity-heading"
        title="Activity"
        description={`Changes to this ${noun}, newest first.`}
        actions={
          <Link
            href={`/settings/audit?target=${encodeURIComponent(targetId)}`}
            className="text-[13px] text-indigo-700 hover:underline"
          >
            Audit log
          </Link>
        }
      />
      {events.length === 0 ? (
        <EmptyState title="No activity yet" description={`Changes to this ${noun} will be listed here.`} />
      ) : (
        <ol aria-label={label} className="divide-y divide-slate-100">
          {events.map((event) => {
            const changes = summarizeChange(event.before, event.after);
            return (
              <li key={event.id} aria-label={event.action} className="flex items-start gap-3 px-4 py-3">
                <div className="min-w-0 flex-1 space-y-1">
                  <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-[13px]">
                    <span className="font-mono text-xs font-medium text-slate-900">{event.action}</span>
                    <span className="inline-flex items-center gap-1.5 text-slate-700">
                      <ActorKindBadge kind={event.actor.kind} />
                      <ActorName actor={event.actor} />
                    </span>
                    <Time value={event.at} className="text-xs whitespace-nowrap text-slate-500 tabular-nums" />
                    {event.outcome !== "success" ? (
                      <span className="text-xs text-amber-700">{event.outcome}</span>
                    ) : null}
                  </p>
                  {changes.length > 0 ? (
                    <ul className="space-y-0.5 font-mono text-[11.5px] break-all text-slate-600">
                      {changes.map((line) => (
                        <li key={line}>{line}</li>
                      ))}
                    </ul>
                  ) : null}
                </div>
                <AuditEventDetails event={event} />
              </li>
            );
          })}
        </ol>
      )}
      {olderHref || newestHref ? (
        <nav
          aria-label={`${label} pages`}
          className="flex justify-end gap-3 border-t border-slate-100 px-4 py-2 text-[13px]"
        >
          {newestHref ? (
            <Link href={newestHref} scroll={false} className="text-indigo-700 hover:underline">
              Newest
            </Link>
          ) : null}
          {olderHref ? (
            <Link href={olderHref} scroll={false} className="text-indigo-700 hover:underline">
              Older events
            </Link>
          ) : null}
        </nav>
      ) : null}
    </Card>
  );
}
