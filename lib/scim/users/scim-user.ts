import { dbProvider } from "@/lib/db";
import { GUID_PATTERN } from "@/lib/validation/common";
import { normalizePath, readBoolean, readString, type PatchOperation } from "../patch";
import { ScimError } from "../scim-error";

export const USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";

/** What the registry keeps of a SCIM user; everything else Entra sends is accepted and ignored. */
export interface ScimUserState {
  userName: string;
  displayName: string;
  email: string | null;
  active: boolean;
  /** The Entra object id (lower case): with the token's tenant, the registry user's key. */
  externalId: string;
}

export interface UserRow {
  id: string;
  objectId: string;
  userName: string | null;
  displayName: string;
  email: string | null;
  enabled: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export function stateOf(row: UserRow): ScimUserState {
  return {
    userName: row.userName ?? row.email ?? row.objectId,
    displayName: row.displayName,
    email: row.email,
    active: row.enabled,
    externalId: row.objectId,
  };
}

export function toScimUser(row: UserRow, baseUrl: string) {
  const state = stateOf(row);
  return {
    schemas: [USER_SCHEMA],
    id: row.id,
    externalId: state.externalId,
    userName: state.userName,
    displayName: state.displayName,
    active: state.active,
    emails: state.email ? [{ value: state.email, type: "work", primary: true }] : [],
    meta: {
      resourceType: "User",
      created: row.createdAt.toISOString(),
      lastModified: row.updatedAt.toISOString(),
      location: `${baseUrl}/Users/${row.id}`,
      version: `W/"${row.version}"`,
    },
  };
}

/** userName is case-insensitive in SCIM; SQLite compares exactly (Entra resends what it created). */
export function textEquals(value: string) {
  return dbProvider() === "postgresql"
    ? ({ equals: value, mode: "insensitive" } as { equals: string })
    : { equals: value };
}

export function readExternalId(value: unknown): string {
  if (typeof value !== "string" || !GUID_PATTERN.test(value.trim())) {
    throw new ScimError(
      400,
      "externalId must be the user's Entra object id (a GUID): map objectId → externalId in the provisioning attribute mappings.",
      "invalidValue",
    );
  }
  return value.trim().toLowerCase();
}

function pickEmail(emails: unknown): string | null {
  if (emails === undefined || emails === null) return null;
  if (!Array.isArray(emails)) throw new ScimError(400, "emails must be an array of { value, type }.", "invalidValue");
  const list = emails as { value?: unknown; type?: unknown; primary?: unknown }[];
  const chosen =
    list.find((email) => email?.type === "work") ??
    list.find((email) => email?.primary === true || email?.primary === "True") ??
    list[0];
  return chosen?.value === undefined ? null : readString(chosen.value, "emails.value");
}

/** A POST/PUT body → state. PUT keeps the stored externalId when the body omits it. */
export function readUserBody(body: unknown, current?: ScimUserState): ScimUserState {
  if (typeof body !== "object" || body === null || Array.isArray(body))
    throw new ScimError(400, "The body must be a SCIM User object.", "invalidSyntax");
  const input = body as Record<string, unknown>;
  const name = (input.name ?? {}) as Record<string, unknown>;
  const userName = readString(input.userName, "userName");
  const composed = [name.givenName, name.familyName]
    .filter((part) => typeof part === "string" && part.trim() !== "")
    .join(" ");
  const displayName = readString(input.displayName ?? name.formatted ?? (composed || userName), "displayName", 200);
  const externalId = input.externalId === undefined && current ? current.externalId : readExternalId(input.externalId);
  return {
    userName,
    displayName,
    email: pickEmail(input.emails),
    active: input.active === undefined ? true : readBoolean(input.active, "active"),
    externalId,
  };
}

const EMAIL_PATHS = [/^emails\[type eq "work"\]\.value$/i, /^emails\[primary eq true\]\.value$/i, /^emails$/i];

/** Applies PATCH operations (Entra's forms included) to a user's state. */
export function applyUserPatch(current: ScimUserState, operations: PatchOperation[]): ScimUserState {
  const next = { ...current };
  for (const { op, path: rawPath, value } of operations) {
    const path = normalizePath(rawPath!, USER_SCHEMA);
    const key = path.toLowerCase();
    if (key === "username") next.userName = readString(value, "userName");
    else if (key === "displayname") {
      if (op === "remove") throw new ScimError(400, "displayName is required and cannot be removed.", "mutability");
      next.displayName = readString(value, "displayName", 200);
    } else if (key === "active") next.active = op === "remove" ? false : readBoolean(value, "active");
    else if (key === "externalid") {
      if (op === "remove" || readExternalId(value) !== current.externalId) {
        throw new ScimError(
          400,
          "externalId is the user's Entra object id and cannot change: delete the user and provision the new one.",
          "mutability",
        );
      }
    } else if (EMAIL_PATHS.some((pattern) => pattern.test(path))) {
      next.email = op === "remove" ? null : key === "emails" ? pickEmail(value) : readString(value, "emails.value");
    }
    // Any other attribute (name.givenName, title, enterprise extension…) is accepted and not stored.
  }
  return next;
}
