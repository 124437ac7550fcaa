import { z } from "zod";
import { jsonTextSchema } from "@/components/ui/json-text-schema";
import { createGroupSchema } from "@/lib/iam/groups/schemas";
import { bodyParts, draftFromGroup, emptyDraft, type GroupDraft } from "./group-draft";

/** Fields the API adds to a group; an imported record may carry them, and they are ignored. */
const READ_ONLY_KEYS = ["id", "builtIn", "members", "version", "createdAt", "updatedAt"];

export type ImportResult =
  { ok: true; draft: GroupDraft; notes: string[] } | { ok: false; message: string; errors: string[] };

/** The parts of a group JSON that fill the form, as they are named in the JSON. */
const IMPORTED_PARTS = ["description", "entraMappings", "serverAccess", "permissions"] as const;

/**
 * Checks pasted group JSON, parsed (the JSON view's shape or a create body), with the create schema. Parts
 * the JSON leaves out keep the form's current values (a pasted rule list must not wipe the
 * description), and the notes say which parts were imported.
 */
export function importGroupJson(
  value: unknown,
  currentName: string | null,
  current: GroupDraft = emptyDraft(),
): ImportResult {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { ok: false, message: "Paste one group: a JSON object like the JSON view shows.", errors: [] };
  }
  const input: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  const notes: string[] = [];
  for (const key of READ_ONLY_KEYS) delete input[key];
  if (currentName !== null) {
    if (typeof input.name === "string" && input.name !== currentName)
      notes.push(`The name "${input.name}" was ignored: a group cannot be renamed.`);
    input.name = currentName;
  }
  const imported = [
    ...(currentName === null && "name" in input ? ["name"] : []),
    ...IMPORTED_PARTS.filter((key) => key in input),
  ];
  if (imported.length === 0) {
    return {
      ok: false,
      message: `Nothing to import: the JSON has none of ${[...IMPORTED_PARTS].join(", ")}.`,
      errors: [],
    };
  }
  // A new group's name may still be empty: the imported parts are checked with a stand-in, and the form keeps its (empty) name.
  const standIn =
    currentName === null && !("name" in input) ? { name: current.name || "imported-group" } : { name: current.name };
  const result = createGroupSchema.safeParse({ ...standIn, ...bodyParts(current), ...input });
  if (!result.success) {
    return {
      ok: false,
      message: "The JSON does not describe a valid group. Fix these and paste it again:",
      errors: result.error.issues.map((issue) => `${issue.path.map(String).join(".") || "(root)"}: ${issue.message}`),
    };
  }
  const untouched = IMPORTED_PARTS.filter((key) => !(key in input));
  notes.unshift(
    `Imported ${imported.join(", ")}.${untouched.length > 0 ? ` Kept the form's ${untouched.join(", ")}.` : ""}`,
  );
  const draft = draftFromGroup({ ...result.data, entraMappings: result.data.entraMappings });
  return { ok: true, draft: "name" in input ? draft : { ...draft, name: current.name }, notes };
}

/** At most this many of the schema's complaints are listed; fixing them shows the next ones. */
const LISTED_ERRORS = 12;

/**
 * The import dialog's form: the pasted text, parsed as JSON text fields are, then checked by
 * importGroupJson (the API's create schema). Its output is the import; a refusal is one message,
 * its title first, then a line per problem (JsonTextField lists them).
 */
export function groupImportFormSchema(currentName: string | null, current: GroupDraft) {
  return z.object({
    json: jsonTextSchema().transform((value, ctx) => {
      const result = importGroupJson(value, currentName, current);
      if (result.ok) return result;
      ctx.addIssue({ code: "custom", message: [result.message, ...result.errors.slice(0, LISTED_ERRORS)].join("\n") });
      return z.NEVER;
    }),
  });
}
