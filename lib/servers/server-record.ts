import type { ServerHealthRecord, ServerRecord, ToolRecord } from "./schemas";

interface ServerRow {
  id: string;
  slug: string;
  name: string;
  description: string;
  url: string;
  transport: string;
  version: string;
  enabled: boolean;
  healthStatus: string;
  healthCheckedAt: Date | null;
  healthLatencyMs: number | null;
  healthError: string | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  tags: { tag: string }[];
}

export function toServerRecord(row: ServerRow, extra: { toolCount?: number; tools?: ToolRecord[] } = {}): ServerRecord {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    url: row.url,
    transport: row.transport,
    tags: row.tags.map((t) => t.tag).sort(),
    version: row.version,
    enabled: row.enabled,
    health: toServerHealthRecord(row),
    ...extra,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toToolRecord(row: { name: string; description: string; inputSchema: unknown }): ToolRecord {
  return { name: row.name, description: row.description, inputSchema: row.inputSchema };
}

export function toServerHealthRecord(
  row: Pick<ServerRow, "healthStatus" | "healthCheckedAt" | "healthLatencyMs" | "healthError">,
): ServerHealthRecord {
  return {
    status: row.healthStatus,
    checkedAt: row.healthCheckedAt?.toISOString() ?? null,
    latencyMs: row.healthLatencyMs,
    error: row.healthError,
  };
}
