import { z } from "zod";
import { REGISTRY_NAME_PATTERN } from "./registry-name";

/**
 * POST /api/servers/import: one server.json, an array of them, the official list shape
 * `{ servers: [{ server }] }`, or any of those under `{ dryRun?, documents }`. Documents are
 * checked one by one (importDocumentSchema), so one bad document is reported, not the batch.
 */
export const importBody = z
  .unknown()
  .describe("A server.json, an array of them, { servers: [{ server }] }, or { dryRun?, documents }");
export const importQuery = z.object({ dryRun: z.enum(["true", "false"]).optional() });

const MAX_DOCUMENTS = 200;

/** The documents of an import body and whether it asks for a dry run; null when its shape is none of the accepted ones. */
export function readImportBody(body: unknown): { documents: unknown[]; dryRun: boolean } | null {
  if (Array.isArray(body)) return body.length <= MAX_DOCUMENTS ? { documents: body, dryRun: false } : null;
  if (!body || typeof body !== "object") return null;
  const record = body as Record<string, unknown>;
  if ("documents" in record) {
    const inner = readImportBody(record.documents);
    if (!inner || (record.dryRun !== undefined && typeof record.dryRun !== "boolean")) return null;
    return { documents: inner.documents, dryRun: record.dryRun === true };
  }
  if (Array.isArray(record.servers)) {
    const documents = record.servers.map((entry) =>
      entry && typeof entry === "object" && "server" in entry ? (entry as { server: unknown }).server : entry,
    );
    return documents.length <= MAX_DOCUMENTS ? { documents, dryRun: false } : null;
  }
  return { documents: [body], dryRun: false };
}

const remote = z.looseObject({
  type: z.string(),
  url: z.string(),
});

/** The server.json fields an import reads (schema 2025-12-11); others (packages, icons, _meta) are ignored. */
export const importDocumentSchema = z.looseObject({
  name: z
    .string({ error: "name is required" })
    .min(3, "name must be 3–200 characters")
    .max(200, "name must be 3–200 characters")
    .regex(REGISTRY_NAME_PATTERN, "name must be reverse-DNS with one slash, e.g. io.github.acme/weather"),
  description: z
    .string({ error: "description is required" })
    .trim()
    .min(1, "description is required")
    .max(2000, "description must be at most 2000 characters"),
  version: z.string({ error: "version is required" }).trim().max(40, "version must be at most 40 characters here"),
  title: z.string().trim().min(1).max(120).optional(),
  websiteUrl: z.url("websiteUrl must be an absolute URL").optional(),
  repository: z
    .looseObject({
      url: z.url("repository.url must be an absolute URL"),
      source: z.string().min(1),
      id: z.string().optional(),
      subfolder: z.string().optional(),
    })
    .optional(),
  remotes: z.array(remote).optional(),
});
export type ImportDocument = z.infer<typeof importDocumentSchema>;

/** The answer of POST /api/servers/import (dry run or applied). */
export interface ImportReport {
  dryRun: boolean;
  results: {
    index: number;
    name: string | null;
    slug: string | null;
    action: "create" | "update" | "unchanged" | "error";
    changes?: { field: string; before: unknown; after: unknown }[];
    errors?: { path: string; message: string }[];
  }[];
  summary: { create: number; update: number; unchanged: number; error: number };
}
