import type { Db, Tx } from "@/lib/db";
import { GUID_PATTERN } from "@/lib/validation/common";
import { normalizePath, readString, type PatchOperation } from "../patch";
import { ScimError } from "../scim-error";

export const GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";

export interface ScimGroupState {
  displayName: string;
  /** Entra group object id (lower case): what registry groups' Entra mappings name. */
  externalId: string | null;
  /** Registry user ids. */
  memberIds: string[];
}

export const groupInclude = {
  members: { select: { userId: true, user: { select: { displayName: true } } }, orderBy: { userId: "asc" as const } },
};

export function loadGroupRow(db: Db | Tx, tenantId: string, id: string) {
  return db.directoryGroup.findFirst({ where: { id, tenantId }, include: groupInclude });
}

type GroupRow = NonNullable<Awaited<ReturnType<typeof loadGroupRow>>>;

export function groupStateOf(row: GroupRow): ScimGroupState {
  return {
    displayName: row.displayName,
    externalId: row.externalId,
    memberIds: row.members.map((member) => member.userId),
  };
}

export function toScimGroup(row: GroupRow, baseUrl: string, withMembers = true) {
  return {
    schemas: [GROUP_SCHEMA],
    id: row.id,
    ...(row.externalId ? { externalId: row.externalId } : {}),
    displayName: row.displayName,
    ...(withMembers
      ? {
          members: row.members.map((member) => ({
            value: member.userId,
            display: member.user.displayName,
            $ref: `${baseUrl}/Users/${member.userId}`,
          })),
        }
      : {}),
    meta: {
      resourceType: "Group",
      created: row.createdAt.toISOString(),
      lastModified: row.updatedAt.toISOString(),
      location: `${baseUrl}/Groups/${row.id}`,
    },
  };
}

/** The audit snapshot of a directory group. */
export function groupAuditRecord(id: string, state: ScimGroupState) {
  return { id, ...state };
}

function readGroupExternalId(value: unknown): string | null {
  if (value === undefined || value === null || value === "") return null;
  if (typeof value !== "string" || !GUID_PATTERN.test(value.trim())) {
    throw new ScimError(
      400,
      "externalId must be the group's Entra object id (a GUID): map objectId → externalId.",
      "invalidValue",
    );
  }
  return value.trim().toLowerCase();
}

function readMemberIds(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((member) => readString((member as { value?: unknown } | null)?.value, "members.value", 100));
}

export function readGroupBody(body: unknown): ScimGroupState {
  if (typeof body !== "object" || body === null || Array.isArray(body))
    throw new ScimError(400, "The body must be a SCIM Group object.", "invalidSyntax");
  const input = body as Record<string, unknown>;
  return {
    displayName: readString(input.displayName, "displayName", 200),
    externalId: readGroupExternalId(input.externalId),
    memberIds: [...new Set(readMemberIds(input.members))],
  };
}

const MEMBER_FILTER = /^members\[\s*value\s+eq\s+"([^"]+)"\s*\]$/i;

/** Entra's group PATCHes: members add/remove (by value list or `members[value eq "…"]`), replace, rename. */
export function applyGroupPatch(current: ScimGroupState, operations: PatchOperation[]): ScimGroupState {
  const next = { ...current, memberIds: [...current.memberIds] };
  for (const { op, path: rawPath, value } of operations) {
    const path = normalizePath(rawPath!, GROUP_SCHEMA);
    const key = path.toLowerCase();
    const filtered = MEMBER_FILTER.exec(path);
    if (key === "displayname") {
      if (op === "remove") throw new ScimError(400, "displayName is required and cannot be removed.", "mutability");
      next.displayName = readString(value, "displayName", 200);
    } else if (key === "externalid") next.externalId = op === "remove" ? null : readGroupExternalId(value);
    else if (filtered) {
      if (op !== "remove") throw new ScimError(400, `Only remove can target ${path}.`, "invalidPath");
      next.memberIds = next.memberIds.filter((id) => id !== filtered[1]);
    } else if (key === "members") {
      const ids = readMemberIds(value);
      if (op === "add") next.memberIds = [...new Set([...next.memberIds, ...ids])];
      else if (op === "replace") next.memberIds = [...new Set(ids)];
      // `remove` without a value removes every member (RFC 7644 §3.5.2.2).
      else
        next.memberIds = value === undefined || value === null ? [] : next.memberIds.filter((id) => !ids.includes(id));
    } else
      throw new ScimError(
        400,
        `Unsupported group attribute ${JSON.stringify(path)}: use displayName, externalId or members.`,
        "invalidPath",
      );
  }
  return next;
}
