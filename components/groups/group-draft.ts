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

export function sameDraft(a: GroupDraft, b: GroupDraft): boolean {
  const strip = (d: GroupDraft) =>
    JSON.stringify({
      ...d,
      serverAccess: d.serverAccess.map(({ server, methods, tools }) => ({ server, methods, tools })),
    });
  return strip(a) === strip(b);
}
