import type { FieldErrors } from "@/components/ui/form-errors";
import { parseJsonText } from "@/components/ui/parse-json-text";
import { toolSchema, type ToolInput } from "@/lib/servers/schemas";

export interface ToolDraft {
  name: string;
  description: string;
  inputSchema: string;
}

export type ToolField = keyof ToolDraft;
export const TOOL_DESCRIPTION_MAX = 4000;
export const TOOL_NAME_MAX = 128;

export const EMPTY_TOOL_DRAFT: ToolDraft = {
  name: "",
  description: "",
  inputSchema: '{\n  "type": "object",\n  "properties": {}\n}',
};

export function toolDraft(tool: ToolInput): ToolDraft {
  return { name: tool.name, description: tool.description, inputSchema: JSON.stringify(tool.inputSchema, null, 2) };
}

/**
 * Checks a tool with the API's own schema; the input schema text must first be JSON, and its
 * error says where it is not. `otherNames` are the server's other tools (names are unique).
 */
export function checkTool(
  draft: ToolDraft,
  otherNames: string[],
): { ok: true; tool: ToolInput; errors: FieldErrors } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const json = parseJsonText(draft.inputSchema);
  if (!json.ok) errors.inputSchema = `Input schema is not valid JSON. ${json.message}`;
  const parsed = toolSchema.safeParse({
    name: draft.name,
    description: draft.description,
    inputSchema: json.ok ? json.value : {},
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "form");
      errors[key] ??=
        key === "inputSchema" ? 'The input schema must be a JSON object, like { "type": "object" }.' : issue.message;
    }
  }
  if (otherNames.includes(draft.name)) errors.name ??= `A tool named ${draft.name} already exists on this server.`;
  return parsed.success && Object.keys(errors).length === 0
    ? { ok: true, tool: parsed.data, errors }
    : { ok: false, errors };
}
