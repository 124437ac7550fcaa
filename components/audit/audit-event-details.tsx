"use client";

import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { formatDateTime } from "@/components/ui/time";
import type { AuditEventRecord } from "@/lib/audit/find-audit-events";
import { ActorKindBadge, ActorName, OutcomeBadge } from "./audit-badges";
import { JsonDiff } from "./json-diff";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[7.5rem_1fr] gap-2 py-1">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="min-w-0 text-[13px] break-words text-slate-800">{children}</dd>
    </div>
  );
}

const mono = (value: string | null) =>
  value ? <span className="font-mono text-xs">{value}</span> : <span className="text-slate-400">—</span>;

/** "Details" for one audit event: who, what, why, and before/after side by side. */
export function AuditEventDetails({ event }: { event: AuditEventRecord }) {
  const [open, setOpen] = useState(false);
  const target = event.target.name ?? event.target.id ?? "no target";
  const hasSnapshots = event.before !== null || event.after !== null;
  return (
    <div className="flex justify-end">
      <Button
        size="sm"
        variant="ghost"
        onClick={() => setOpen(true)}
        aria-label={`Details of ${event.action} on ${target}`}
      >
        Details
      </Button>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        size="lg"
        title={<span className="font-mono">{event.action}</span>}
        description={`${formatDateTime(event.at)} · ${event.at}`}
      >
        <div className="space-y-4">
          <dl className="divide-y divide-slate-100">
            <Row label="Outcome">
              <OutcomeBadge outcome={event.outcome} />
            </Row>
            <Row label="Actor">
              <span className="flex flex-wrap items-center gap-1.5">
                <ActorKindBadge kind={event.actor.kind} />
                <ActorName actor={event.actor} />
                {event.actor.id ? <span className="font-mono text-xs text-slate-500">{event.actor.id}</span> : null}
              </span>
            </Row>
            <Row label="Target">
              {event.target.type ? <span className="mr-1.5 text-slate-500">{event.target.type}</span> : null}
              {event.target.name ?? <span className="text-slate-400">—</span>}
              {event.target.id ? (
                <span className="ml-1.5 font-mono text-xs text-slate-500">{event.target.id}</span>
              ) : null}
            </Row>
            <Row label="Reason">{event.reason ?? <span className="text-slate-400">—</span>}</Row>
            <Row label="Request id">{mono(event.requestId)}</Row>
            <Row label="Token">{mono(event.tokenFingerprint)}</Row>
          </dl>
          {hasSnapshots ? (
            <JsonDiff before={event.before} after={event.after} />
          ) : (
            <p className="text-[13px] text-slate-500">This event records no before/after snapshot.</p>
          )}
        </div>
      </Dialog>
    </div>
  );
}
