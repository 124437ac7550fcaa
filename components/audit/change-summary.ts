/** Bookkeeping fields that change on every write and say nothing about the change. */
const IGNORED = new Set(["updatedAt", "createdAt", "updatedBy", "version", "health", "toolCount"]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function short(value: unknown): string {
  const text = typeof value === "string" ? JSON.stringify(value) : (JSON.stringify(value) ?? "null");
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function listChange(key: string, before: unknown[], after: unknown[]): string {
  const added = after.filter((item) => !before.some((old) => JSON.stringify(old) === JSON.stringify(item)));
  const removed = before.filter((item) => !after.some((now) => JSON.stringify(now) === JSON.stringify(item)));
  const parts = [
    ...added.map((item) => `+${typeof item === "string" ? item : short(item)}`),
    ...removed.map((item) => `−${typeof item === "string" ? item : short(item)}`),
  ];
  return `${key}: ${parts.join(" ") || "reordered"}`;
}

/**
 * One line per changed top-level field of an audit event's before/after snapshots:
 * "enabled: true → false", "tools: +search −ping". Creations and deletions say so.
 */
export function summarizeChange(before: unknown, after: unknown): string[] {
  if (before == null && after == null) return [];
  if (before == null) return ["created"];
  if (after == null) return ["deleted"];
  if (!isRecord(before) || !isRecord(after)) return [`${short(before)} → ${short(after)}`];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => !IGNORED.has(key));
  return keys.flatMap((key) => {
    const [old, now] = [before[key], after[key]];
    if (JSON.stringify(old) === JSON.stringify(now)) return [];
    if (Array.isArray(old) && Array.isArray(now)) return [listChange(key, old, now)];
    return [`${key}: ${short(old)} → ${short(now)}`];
  });
}
