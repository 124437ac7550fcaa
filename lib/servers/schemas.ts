import { z } from "zod";
import { cursorParam, description, displayText, slug } from "@/lib/validation/common";

const upstreamUrl = z
  .string()
  .trim()
  .url("url must be an absolute http(s) URL")
  .max(2000)
  .refine((value) => /^https?:\/\//i.test(value), "url must use http or https");

const transport = z.enum(["streamable-http", "sse"]);
const version = z.string().trim().max(40);
const tag = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[a-z0-9][a-z0-9-]*$/, "tags are lowercase words with hyphens");

export const toolSchema = z.strictObject({
  name: z
    .string()
    .min(1, "tool name is required")
    .max(128)
    .regex(/^[A-Za-z0-9_.\-/]+$/, "tool names use letters, digits, _ . - /"),
  description: z.string().max(4000).default(""),
  inputSchema: z.record(z.string(), z.unknown()).default({ type: "object" }),
});
export type ToolInput = z.infer<typeof toolSchema>;

export const replaceToolsSchema = z.strictObject({
  tools: z
    .array(toolSchema)
    .max(2000)
    .refine((tools) => new Set(tools.map((t) => t.name)).size === tools.length, "tool names must be unique"),
});

export const createServerSchema = z.strictObject({
  slug: slug("slug"),
  name: displayText("Name", 120),
  description: description.default(""),
  url: upstreamUrl,
  transport: transport.default("streamable-http"),
  tags: z.array(tag).max(20).default([]),
  version: version.default(""),
  enabled: z.boolean().default(true),
  tools: z.array(toolSchema).max(2000).optional(),
});
export type CreateServerInput = z.infer<typeof createServerSchema>;

// Spelled out without defaults: a PATCH changes only the fields it names.
export const updateServerSchema = z.strictObject({
  name: displayText("Name", 120).optional(),
  description: description.optional(),
  url: upstreamUrl.optional(),
  transport: transport.optional(),
  tags: z.array(tag).max(20).optional(),
  version: version.optional(),
  enabled: z.boolean().optional(),
});
export type UpdateServerInput = z.infer<typeof updateServerSchema>;

export const serverListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: cursorParam(["text"]),
  q: z.string().trim().max(200).optional(),
  tag: z.string().trim().max(40).optional(),
});
export type ServerListQuery = z.infer<typeof serverListQuery>;

export interface ToolRecord {
  name: string;
  description: string;
  inputSchema: unknown;
}

export interface ServerHealthRecord {
  status: string;
  checkedAt: string | null;
  /** initialize round trip of the last probe, when it was up. */
  latencyMs: number | null;
  /** Why the last probe failed, when it was down. */
  error: string | null;
}

export const discoverToolsSchema = z.strictObject({
  /** Replace the registry's tools with the upstream's in the same call (one audited change). */
  apply: z.boolean().default(false),
});

export interface ServerRecord {
  id: string;
  slug: string;
  name: string;
  description: string;
  url: string;
  transport: string;
  tags: string[];
  version: string;
  enabled: boolean;
  health: ServerHealthRecord;
  toolCount?: number;
  tools?: ToolRecord[];
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}
