import { z } from "zod";
import { jsonTextSchema } from "@/components/ui/json-text-schema";
import { diffTools as diffToolLists } from "@/lib/servers/discovery/diff-tools";
import { replaceToolsSchema, type ToolInput } from "@/lib/servers/schemas";

export interface ToolImportDiff {
  added: string[];
  changed: string[];
  removed: string[];
  unchanged: number;
}

export type ToolImportCheck = { ok: true; tools: ToolInput[]; diff: ToolImportDiff } | { ok: false; message: string };

/** What replacing `current` with `next` adds, changes and removes, by tool name. */
export function diffTools(current: ToolInput[], next: ToolInput[]): ToolImportDiff {
  const diff = diffToolLists(current, next);
  return { ...diff, unchanged: diff.unchanged.length };
}

/**
 * Reads pasted JSON, parsed — a tool array, `{ "tools": [...] }` (the PUT body) or a `tools/list`
 * result — and checks it with the API's own schema, naming the tool and field that is wrong.
 */
export function checkToolImport(value: unknown, current: ToolInput[]): ToolImportCheck {
  const tools = Array.isArray(value)
    ? value
    : value && typeof value === "object" && "tools" in value
      ? (value as { tools: unknown }).tools
      : undefined;
  if (!Array.isArray(tools))
    return { ok: false, message: 'Paste a JSON array of tools, or an object with a "tools" array.' };
  const parsed = replaceToolsSchema.safeParse({ tools });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const [, index, field] = issue.path;
    const name = typeof index === "number" ? (tools[index] as { name?: unknown } | null)?.name : undefined;
    const where =
      typeof index === "number"
        ? `Tool ${index + 1}${typeof name === "string" && name ? ` (${name})` : ""}${field !== undefined ? `, field ${String(field)}` : ""}: `
        : "";
    return { ok: false, message: `${where}${issue.message}` };
  }
  return { ok: true, tools: parsed.data.tools, diff: diffTools(current, parsed.data.tools) };
}

/** The import dialog's form: the pasted text, parsed, checked by checkToolImport; its output is the checked list and its diff. */
export function toolImportFormSchema(current: ToolInput[]) {
  return z.object({
    tools: jsonTextSchema().transform((value, ctx) => {
      const check = checkToolImport(value, current);
      if (check.ok) return check;
      ctx.addIssue({ code: "custom", message: check.message });
      return z.NEVER;
    }),
  });
}
