import { isPermission } from "@/lib/access/permissions";
import { jsonStringArray } from "@/lib/validation/common";
import type { ApiTokenRecord } from "./schemas";

interface ApiTokenRow {
  id: string;
  name: string;
  stub: string;
  groups: unknown;
  servers: unknown;
  permissions: unknown;
  expiresAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  graceUntil: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The public shape: never the hashes. */
export function toTokenRecord(row: ApiTokenRow): ApiTokenRecord {
  return {
    id: row.id,
    name: row.name,
    stub: row.stub,
    groups: jsonStringArray(row.groups),
    servers: row.servers === null || row.servers === undefined ? null : jsonStringArray(row.servers),
    permissions: jsonStringArray(row.permissions).filter(isPermission),
    expiresAt: row.expiresAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    graceUntil: row.graceUntil?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
