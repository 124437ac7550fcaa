import type { ToolInput } from "@/lib/servers/schemas";

export interface ToolDiff {
  added: string[];
  /** Same name, different description or inputSchema. */
  changed: string[];
  removed: string[];
  unchanged: string[];
}

/** Key order does not matter to a JSON Schema, so it does not count as a change. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  return value;
}

const same = (a: ToolInput, b: ToolInput) =>
  a.description === b.description &&
  JSON.stringify(canonical(a.inputSchema)) === JSON.stringify(canonical(b.inputSchema));

/** What replacing `current` with `next` adds, changes, removes and keeps, by tool name (each list sorted). */
export function diffTools(current: ToolInput[], next: ToolInput[]): ToolDiff {
  const before = new Map(current.map((tool) => [tool.name, tool]));
  const after = new Set(next.map((tool) => tool.name));
  const diff: ToolDiff = {
    added: [],
    changed: [],
    removed: current.filter((tool) => !after.has(tool.name)).map((tool) => tool.name),
    unchanged: [],
  };
  for (const tool of next) {
    const old = before.get(tool.name);
    (old === undefined ? diff.added : same(old, tool) ? diff.unchanged : diff.changed).push(tool.name);
  }
  for (const list of Object.values(diff)) list.sort();
  return diff;
}
