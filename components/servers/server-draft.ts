import type { z } from "zod";
import type { FieldErrors } from "@/components/ui/form-errors";
import {
  createServerSchema,
  updateServerSchema,
  type CreateServerInput,
  type ServerRecord,
  type UpdateServerInput,
} from "@/lib/servers/schemas";

/** The register/edit form's values as typed: tags are one comma-separated text. */
export interface ServerDraft {
  slug: string;
  name: string;
  description: string;
  url: string;
  transport: string;
  tags: string;
  version: string;
}

export type ServerField = keyof ServerDraft;
export const SERVER_FIELDS: readonly ServerField[] = [
  "slug",
  "name",
  "description",
  "url",
  "transport",
  "tags",
  "version",
];

/** Max lengths from lib/servers/schemas.ts and lib/validation/common.ts, for the counters. */
export const SERVER_FIELD_MAX: Partial<Record<ServerField, number>> = {
  slug: 63,
  name: 120,
  description: 2000,
  url: 2000,
  version: 40,
};

export const EMPTY_SERVER_DRAFT: ServerDraft = {
  slug: "",
  name: "",
  description: "",
  url: "",
  transport: "streamable-http",
  tags: "",
  version: "",
};

export function serverDraft(server: ServerRecord): ServerDraft {
  return {
    slug: server.slug,
    name: server.name,
    description: server.description,
    url: server.url,
    transport: server.transport,
    tags: server.tags.join(", "),
    version: server.version,
  };
}

function tagList(text: string): string[] {
  return text.split(/[\s,]+/).filter(Boolean);
}

/** Issues keyed by field; a bad tag is named, since the message alone does not say which. */
function fieldErrors(error: z.ZodError, tags: string[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const [field, index] = issue.path;
    const key = typeof field === "string" ? field : "form";
    const bad = key === "tags" && typeof index === "number" ? tags[index] : undefined;
    errors[key] ??= bad === undefined ? issue.message : `“${bad}”: ${issue.message}`;
  }
  return errors;
}

export type DraftCheck<T> = { ok: true; input: T; errors: FieldErrors } | { ok: false; errors: FieldErrors };

/** Checks a new server with the API's own schema. */
export function checkNewServer(draft: ServerDraft): DraftCheck<CreateServerInput> {
  const input = { ...draft, tags: tagList(draft.tags) };
  const parsed = createServerSchema.safeParse(input);
  return parsed.success
    ? { ok: true, input: parsed.data, errors: {} }
    : { ok: false, errors: fieldErrors(parsed.error, input.tags) };
}

/**
 * Checks an edit with the API's own schema and keeps only the changed fields: the API has no
 * version to compare, so a PATCH of just these fields overwrites as little as possible.
 */
export function checkServerChanges(initial: ServerDraft, draft: ServerDraft): DraftCheck<UpdateServerInput> {
  const { slug: _slug, ...fields } = { ...draft, tags: tagList(draft.tags) };
  const parsed = updateServerSchema.safeParse(fields);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error, fields.tags) };
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parsed.data)) {
    const before = key === "tags" ? tagList(initial.tags) : initial[key as ServerField];
    if (JSON.stringify(before) !== JSON.stringify(value)) changed[key] = value;
  }
  return { ok: true, input: changed as UpdateServerInput, errors: {} };
}
