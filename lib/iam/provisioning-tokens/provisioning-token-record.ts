import type { ProvisioningTokenRecord } from "./schemas";

interface Row {
  id: string;
  name: string;
  tenantId: string;
  stub: string;
  createdByName: string | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
}

/** The public shape: never the hash. */
export function toProvisioningTokenRecord(row: Row): ProvisioningTokenRecord {
  return {
    id: row.id,
    name: row.name,
    tenantId: row.tenantId,
    stub: row.stub,
    createdBy: row.createdByName,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
