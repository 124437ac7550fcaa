import { z } from "zod";
import {
  createServerSchema,
  updateServerSchema,
  type ServerRecord,
  type UpdateServerInput,
} from "@/lib/servers/schemas";

function tagList(text: string): string[] {
  return text.split(/[\s,]+/).filter(Boolean);
}

/** Tags are typed as one comma-separated text; the API's rules then check the list. */
const tagsText = (tags: z.ZodArray<z.ZodString>) => z.string().transform(tagList).pipe(tags);

/** Registering: the API's create schema, with the tags as text and no enabled/tools (set elsewhere). */
export const newServerFormSchema = createServerSchema
  .omit({ enabled: true, tools: true })
  .required()
  .extend({ tags: tagsText(createServerSchema.shape.tags.unwrap()) });

/** Editing: the API's update schema; the slug is shown, never sent. */
export const editServerFormSchema = updateServerSchema
  .omit({ enabled: true })
  .required()
  .extend({ slug: z.string(), tags: tagsText(updateServerSchema.shape.tags.unwrap()) });

/** The register/edit form's values as typed: tags are one comma-separated text. */
export type ServerDraft = z.input<typeof newServerFormSchema>;
export type ServerField = keyof ServerDraft;

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
    transport: server.transport as ServerDraft["transport"],
    tags: server.tags.join(", "),
    version: server.version,
  };
}

/**
 * Only the fields an edit changed: the API has no version to compare, so a PATCH of just these
 * fields overwrites as little as possible.
 */
export function serverChanges(initial: ServerDraft, edited: z.output<typeof editServerFormSchema>): UpdateServerInput {
  const { slug: _slug, ...fields } = edited;
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    const before = key === "tags" ? tagList(initial.tags) : initial[key as ServerField];
    if (JSON.stringify(before) !== JSON.stringify(value)) changed[key] = value;
  }
  return changed as UpdateServerInput;
}

/** The tags error names the bad tag, since the message alone does not say which. */
export function tagsError(tags: string, errorIndex: number | undefined, message: string | undefined) {
  if (!message) return undefined;
  const bad = errorIndex === undefined ? undefined : tagList(tags)[errorIndex];
  return bad === undefined ? message : `“${bad}”: ${message}`;
}
