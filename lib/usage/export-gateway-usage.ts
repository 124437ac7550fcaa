import type { GatewayUsageRecord } from "./find-gateway-usage";

const CSV_COLUMNS = [
  "at",
  "principalKind",
  "principalId",
  "principalName",
  "server",
  "tool",
  "outcome",
  "durationMs",
  "requestId",
  "detail",
] as const;

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? "" : String(value);
  // Neutralise spreadsheet formulas (tool names and details come from callers) and quote what needs it.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function usageToCsv(records: GatewayUsageRecord[]): string {
  const rows = records.map((r) =>
    [
      r.at,
      r.principal.kind,
      r.principal.id,
      r.principal.name,
      r.server,
      r.tool,
      r.outcome,
      r.durationMs,
      r.requestId,
      r.detail,
    ]
      .map(csvCell)
      .join(","),
  );
  return [CSV_COLUMNS.join(","), ...rows].join("\n") + "\n";
}

export function usageToJsonLines(records: GatewayUsageRecord[]): string {
  return records.map((record) => JSON.stringify(record)).join("\n") + (records.length ? "\n" : "");
}
