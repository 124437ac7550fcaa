import type { Db, Tx } from "@/lib/db";
import type { UserRecord } from "./schemas";

export const userInclude = { groups: { select: { group: { select: { name: true } } } } };

type Row = NonNullable<Awaited<ReturnType<typeof loadUserRow>>>;

export function loadUserRow(db: Db | Tx, id: string) {
  return db.user.findUnique({ where: { id }, include: userInclude });
}

export function toUserRecord(row: Row): UserRecord {
  return {
    id: row.id,
    tenantId: row.tenantId,
    objectId: row.objectId,
    displayName: row.displayName,
    email: row.email,
    groups: row.groups.map((membership) => membership.group.name).sort(),
    enabled: row.enabled,
    lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
