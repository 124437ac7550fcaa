import { z } from "zod";
import {
  createGroupSchema,
  updateGroupSchema,
  type CreateGroupInput,
  type GroupRecord,
  type UpdateGroupInput,
} from "@/lib/iam/groups/schemas";

export interface RuleDraft {
  /** Stable React key; never sent. */
  key: string;
  server: string;
  methods: string[];
  tools: string[];
}

/** The editable part of a group, as the form holds it: the API's shape, plus a React key per rule. */
export interface GroupDraft {
  name: string;
  description: string;
  entraMappings: { groups: string[]; appRoles: string[] };
  serverAccess: RuleDraft[];
  permissions: string[];
}

let nextKey = 0;
export function ruleKey(): string {
  nextKey += 1;
  return `rule-${nextKey}`;
}

export function emptyDraft(): GroupDraft {
  return { name: "", description: "", entraMappings: { groups: [], appRoles: [] }, serverAccess: [], permissions: [] };
}

export function newRule(): RuleDraft {
  return { key: ruleKey(), server: "", methods: ["*"], tools: [] };
}

type GroupShape = Pick<GroupRecord, "name" | "description" | "entraMappings" | "serverAccess" | "permissions">;

export function draftFromGroup(group: GroupShape): GroupDraft {
  return {
    name: group.name,
    description: group.description,
    entraMappings: { groups: [...group.entraMappings.groups], appRoles: [...group.entraMappings.appRoles] },
    serverAccess: group.serverAccess.map((rule) => ({
      key: ruleKey(),
      server: rule.server,
      methods: [...rule.methods],
      tools: [...rule.tools],
    })),
    permissions: [...group.permissions],
  };
}

export function bodyParts(draft: GroupDraft) {
  return {
    description: draft.description,
    entraMappings: { groups: draft.entraMappings.groups, appRoles: draft.entraMappings.appRoles },
    serverAccess: draft.serverAccess.map(({ server, methods, tools }) => ({ server, methods, tools })),
    permissions: draft.permissions,
  };
}

/**
 * The API's own schemas check the editor's values once the rule keys are dropped, so every error
 * path ("serverAccess.2.tools.0") is the form's path too. A new group is checked as the create
 * body; an existing one as the update body (its name is fixed and not sent).
 */
export const newGroupFormSchema = z.preprocess(
  (draft) => ({ name: (draft as GroupDraft).name, ...bodyParts(draft as GroupDraft) }),
  createGroupSchema,
) as unknown as z.ZodType<CreateGroupInput, GroupDraft>;

export const groupChangesFormSchema = z.preprocess(
  (draft) => bodyParts(draft as GroupDraft),
  updateGroupSchema.omit({ version: true }),
) as unknown as z.ZodType<Omit<UpdateGroupInput, "version">, GroupDraft>;

/** Fields the API adds to a group; an imported record may carry them, and they are ignored. */
const READ_ONLY_KEYS = ["id", "builtIn", "members", "version", "createdAt", "updatedAt"];

export type ImportResult =
  { ok: true; draft: GroupDraft; notes: string[] } | { ok: false; message: string; errors: string[] };

/** The parts of a group JSON that fill the form, as they are named in the JSON. */
const IMPORTED_PARTS = ["description", "entraMappings", "serverAccess", "permissions"] as const;

/**
 * Parses pasted group JSON (the JSON view's shape or a create body) with the create schema. Parts
 * the JSON leaves out keep the form's current values (a pasted rule list must not wipe the
 * description), and the notes say which parts were imported.
 */
export function importGroupJson(
  text: string,
  currentName: string | null,
  current: GroupDraft = emptyDraft(),
): ImportResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      message: "This is not valid JSON.",
      errors: [error instanceof Error ? error.message : String(error)],
    };
  }
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

export function sameDraft(a: GroupDraft, b: GroupDraft): boolean {
  const strip = (d: GroupDraft) =>
    JSON.stringify({
      ...d,
      serverAccess: d.serverAccess.map(({ server, methods, tools }) => ({ server, methods, tools })),
    });
  return strip(a) === strip(b);
}
