import { createServerSchema, type CreateServerInput } from "@/lib/servers/schemas";
import { SLUG_PATTERN } from "@/lib/validation/common";
import { importDocumentSchema } from "./import-schemas";
import type { RegistryMetadata } from "./server-json";

export interface FieldError {
  path: string;
  message: string;
}

/** What one document becomes in the catalog. */
export interface MappedServer {
  registryName: string;
  /** Always an object (empty when the document has neither): Prisma JSON null differs per provider. */
  registryMetadata: RegistryMetadata;
  server: Omit<CreateServerInput, "tags" | "enabled" | "tools">;
}

/** `io.github.acme/My_Server` → `my-server`: the last path segment in the slug pattern, or null. */
export function slugFromName(name: string): string | null {
  const last = name.slice(name.lastIndexOf("/") + 1);
  const slug = last
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/-+/g, "-")
    .replace(/^-+/, "")
    .slice(0, 63)
    .replace(/-+$/, "");
  return SLUG_PATTERN.test(slug) ? slug : null;
}

/** The remote the gateway will call: streamable-http preferred, sse accepted; URL templates are not. */
function pickRemote(
  remotes: { type: string; url: string }[] | undefined,
): { url: string; transport: "streamable-http" | "sse" } | FieldError {
  const usable = (remotes ?? []).filter((r) => r.type === "streamable-http" || r.type === "sse");
  const chosen = usable.find((r) => r.type === "streamable-http") ?? usable[0];
  if (!chosen)
    return {
      path: "remotes",
      message:
        "needs a remote of type streamable-http or sse: this registry fronts remote MCP servers (packages are not run here)",
    };
  if (/[{}]/.test(chosen.url))
    return {
      path: "remotes",
      message: `the remote URL ${chosen.url} has {variables}; import a document with a concrete URL`,
    };
  return { url: chosen.url, transport: chosen.type as "streamable-http" | "sse" };
}

/** Checks one document and maps it to catalog fields, or names every problem. */
export function mapServerJson(document: unknown): MappedServer | { errors: FieldError[] } {
  if (!document || typeof document !== "object" || Array.isArray(document))
    return { errors: [{ path: "", message: "each document must be a server.json object" }] };
  const parsed = importDocumentSchema.safeParse(document);
  if (!parsed.success)
    return {
      errors: parsed.error.issues.map((issue) => ({
        path: issue.path.map(String).join(".") || "document",
        message: issue.message,
      })),
    };
  const doc = parsed.data;
  const slug = slugFromName(doc.name);
  if (!slug)
    return {
      errors: [
        { path: "name", message: `the last part of ${doc.name} gives no usable slug (letters, digits, hyphens)` },
      ],
    };
  const remote = pickRemote(doc.remotes);
  if ("path" in remote) return { errors: [remote] };
  const candidate = createServerSchema.safeParse({
    slug,
    name: doc.title ?? doc.name.slice(doc.name.lastIndexOf("/") + 1),
    description: doc.description,
    url: remote.url,
    transport: remote.transport,
    version: doc.version,
  });
  if (!candidate.success)
    return {
      errors: candidate.error.issues.map((issue) => ({
        path: issue.path.map(String).join(".") || "document",
        message: issue.message,
      })),
    };
  const { tags: _tags, enabled: _enabled, tools: _tools, ...server } = candidate.data;
  const metadata: RegistryMetadata = {
    ...(doc.websiteUrl ? { websiteUrl: doc.websiteUrl } : {}),
    ...(doc.repository
      ? {
          repository: {
            url: doc.repository.url,
            source: doc.repository.source,
            ...(doc.repository.id ? { id: doc.repository.id } : {}),
            ...(doc.repository.subfolder ? { subfolder: doc.repository.subfolder } : {}),
          },
        }
      : {}),
  };
  return { registryName: doc.name, registryMetadata: metadata, server };
}
