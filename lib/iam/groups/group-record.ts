import type { Db, Tx } from "@/lib/db";
import { jsonStringArray } from "@/lib/validation/common";
import type { GroupRecord } from "./schemas";

export const groupInclude = {
  entraMappings: true,
  serverRules: { orderBy: { position: "asc" as const } },
  users: { select: { userId: true } },
  m2mAccounts: { select: { m2mAccountId: true } },
};

type GroupRow = NonNullable<Awaited<ReturnType<typeof loadGroupRow>>>;

export function loadGroupRow(db: Db | Tx, where: { name: string } | { id: string }) {
  return db.group.findUnique({ where, include: groupInclude });
}

export function toGroupRecord(row: GroupRow): GroupRecord {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    builtIn: row.builtIn,
    entraMappings: {
      groups: row.entraMappings
        .filter((m) => m.kind === "group")
        .map((m) => m.value)
        .sort(),
      appRoles: row.entraMappings
        .filter((m) => m.kind === "appRole")
        .map((m) => m.value)
        .sort(),
    },
    serverAccess: row.serverRules.map((rule) => ({
      server: rule.server,
      methods: jsonStringArray(rule.methods),
      tools: jsonStringArray(rule.tools),
    })),
    permissions: jsonStringArray(row.permissions),
    members: {
      users: row.users.map((member) => member.userId).sort(),
      m2mAccounts: row.m2mAccounts.map((member) => member.m2mAccountId).sort(),
    },
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
