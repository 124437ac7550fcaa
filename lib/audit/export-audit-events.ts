import type { AuditEventRecord } from "./find-audit-events";

const CSV_COLUMNS = [
  "at",
  "actorKind",
  "actorId",
  "actorName",
  "action",
  "outcome",
  "targetType",
  "targetId",
  "targetName",
  "reason",
  "tokenFingerprint",
  "requestId",
] as const;

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? "" : String(value);
  // Neutralise spreadsheet formulas and quote everything that needs it.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(events: AuditEventRecord[]): string {
  const rows = events.map((e) =>
    [
      e.at,
      e.actor.kind,
      e.actor.id,
      e.actor.name,
      e.action,
      e.outcome,
      e.target.type,
      e.target.id,
      e.target.name,
      e.reason,
      e.tokenFingerprint,
      e.requestId,
    ]
      .map(csvCell)
      .join(","),
  );
  return [CSV_COLUMNS.join(","), ...rows].join("\n") + "\n";
}

export function toJsonLines(events: AuditEventRecord[]): string {
  return events.map((event) => JSON.stringify(event)).join("\n") + (events.length ? "\n" : "");
}
