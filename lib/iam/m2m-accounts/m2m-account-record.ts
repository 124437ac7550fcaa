import type { Db, Tx } from "@/lib/db";
import { parseCredentials } from "./entra-app-health";
import type { M2mAccountRecord } from "./schemas";

export const m2mAccountInclude = { groups: { select: { group: { select: { name: true } } } } };

type Row = NonNullable<Awaited<ReturnType<typeof loadM2mAccountRow>>>;

export function loadM2mAccountRow(db: Db | Tx, id: string) {
  return db.m2mAccount.findUnique({ where: { id }, include: m2mAccountInclude });
}

export function toM2mAccountRecord(row: Row): M2mAccountRecord {
  return {
    id: row.id,
    tenantId: row.tenantId,
    clientId: row.clientId,
    name: row.name,
    description: row.description,
    groups: row.groups.map((membership) => membership.group.name).sort(),
    enabled: row.enabled,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    lastTokenAt: row.lastTokenAt?.toISOString() ?? null,
    lastTokenVersion: row.lastTokenVersion === 1 || row.lastTokenVersion === 2 ? row.lastTokenVersion : null,
    entraApp: {
      displayName: row.entraAppDisplayName,
      credentials: row.entraAppCredentials === null ? null : parseCredentials(row.entraAppCredentials),
      fetchedAt: row.entraAppFetchedAt?.toISOString() ?? null,
      error: row.entraAppError,
    },
    createdBy: row.createdByName,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
