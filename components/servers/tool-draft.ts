import { z } from "zod";
import { jsonTextSchema } from "@/components/ui/json-text-schema";
import { toolSchema, type ToolInput } from "@/lib/servers/schemas";

export const TOOL_DESCRIPTION_MAX = 4000;
export const TOOL_NAME_MAX = 128;

/** The input schema is typed as JSON text: it must parse (the error says where), then be an object. */
const inputSchemaText = jsonTextSchema("Input schema is not valid JSON.")
  .transform((value, ctx) => {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      ctx.addIssue({ code: "custom", message: 'The input schema must be a JSON object, like { "type": "object" }.' });
      return z.NEVER;
    }
    return value as Record<string, unknown>;
  })
  .pipe(toolSchema.shape.inputSchema.unwrap());

/** The API's tool schema with the input schema as text, and a name no other tool of the server has. */
export function toolFormSchema(otherNames: string[]) {
  return toolSchema.required().extend({
    name: toolSchema.shape.name.superRefine((name, ctx) => {
      if (otherNames.includes(name))
        ctx.addIssue({ code: "custom", message: `A tool named ${name} already exists on this server.` });
    }),
    inputSchema: inputSchemaText,
  });
}

export type ToolDraft = z.input<ReturnType<typeof toolFormSchema>>;

export const EMPTY_TOOL_DRAFT: ToolDraft = {
  name: "",
  description: "",
  inputSchema: '{\n  "type": "object",\n  "properties": {}\n}',
};

export function toolDraft(tool: ToolInput): ToolDraft {
  return { name: tool.name, description: tool.description, inputSchema: JSON.stringify(tool.inputSchema, null, 2) };
}
