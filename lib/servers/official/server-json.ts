import { registryNameOf } from "./registry-name";

export const SERVER_SCHEMA_URL = "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json";
export const OFFICIAL_META_KEY = "io.modelcontextprotocol.registry/official";
/** server.json requires a version; a server registered without one is published as this. */
export const UNVERSIONED = "0.0.0";

export interface ServerJsonRow {
  slug: string;
  registryName: string | null;
  registryMetadata: unknown;
  name: string;
  description: string;
  version: string;
  enabled: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** What an import keeps of a server.json that has no column of its own. */
export interface RegistryMetadata {
  websiteUrl?: string;
  repository?: { url: string; source: string; id?: string; subfolder?: string };
}

function metadataOf(value: unknown): RegistryMetadata {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  const { websiteUrl, repository } = value as RegistryMetadata;
  return {
    ...(typeof websiteUrl === "string" ? { websiteUrl } : {}),
    ...(repository && typeof repository.url === "string" && typeof repository.source === "string"
      ? { repository }
      : {}),
  };
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function publishedVersion(row: { version: string }): string {
  return row.version === "" ? UNVERSIONED : row.version;
}

/**
 * One server as the official MCP Registry API shows it (`ServerResponse`). Its remote is this
 * registry's gateway, not the upstream: callers connect through the gateway, which enforces
 * their tool grants, with a bearer credential of this registry.
 */
export function toServerResponse(row: ServerJsonRow, registryUrl: string) {
  const metadata = metadataOf(row.registryMetadata);
  return {
    server: {
      $schema: SERVER_SCHEMA_URL,
      name: registryNameOf(row, registryUrl),
      // server.json allows 1–100 characters; the catalog allows longer or empty descriptions.
      description: clip(row.description.trim() || row.name, 100),
      title: clip(row.name, 100),
      version: publishedVersion(row),
      ...metadata,
      remotes: [
        {
          type: "streamable-http" as const,
          url: `${registryUrl}/mcp/${row.slug}`,
          headers: [
            {
              name: "Authorization",
              description: "Bearer <registry API token or Entra ID access token>",
              isRequired: true,
              isSecret: true,
            },
          ],
        },
      ],
    },
    _meta: {
      [OFFICIAL_META_KEY]: {
        status: "active" as const,
        publishedAt: row.createdAt.toISOString(),
        updatedAt: row.updatedAt.toISOString(),
        isLatest: true,
      },
    },
  };
}
