import { ScimError } from "./scim-error";

export const PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

export interface PatchOperation {
  op: "add" | "remove" | "replace";
  /** Attribute path as sent (e.g. `emails[type eq "work"].value`), or null for a value object. */
  path: string | null;
  value: unknown;
}

/**
 * A PatchOp body → operations with lower-case `op` (Entra sends `Replace`, `Add`, `Remove`).
 * A path-less operation whose value is an object becomes one operation per key, so handlers
 * only ever see paths.
 */
export function readPatch(body: unknown): PatchOperation[] {
  const operations = (body as { Operations?: unknown } | null)?.Operations;
  if (!Array.isArray(operations) || operations.length === 0) {
    throw new ScimError(400, "The body must be a PatchOp with a non-empty Operations array.", "invalidSyntax");
  }
  return operations.flatMap((raw): PatchOperation[] => {
    const { op, path, value } = (raw ?? {}) as { op?: unknown; path?: unknown; value?: unknown };
    const name = typeof op === "string" ? op.toLowerCase() : "";
    if (name !== "add" && name !== "remove" && name !== "replace") {
      throw new ScimError(400, `Unknown patch op ${JSON.stringify(op)}: use add, remove or replace.`, "invalidSyntax");
    }
    if (typeof path === "string" && path.trim() !== "") return [{ op: name, path: path.trim(), value }];
    if (name === "remove") throw new ScimError(400, "A remove operation needs a path.", "noTarget");
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      throw new ScimError(400, "A patch operation without a path needs an object value.", "invalidValue");
    }
    return Object.entries(value).map(([key, item]) => ({ op: name, path: key, value: item }));
  });
}

/** `active` arrives as a boolean or, from Entra, as the string "True"/"False". */
export function readBoolean(value: unknown, attribute: string): boolean {
  if (typeof value === "boolean") return value;
  if (typeof value === "string" && /^(true|false)$/i.test(value)) return value.toLowerCase() === "true";
  throw new ScimError(400, `${attribute} must be true or false.`, "invalidValue");
}

export function readString(value: unknown, attribute: string, max = 320): string {
  if (typeof value !== "string" || value.trim() === "" || value.length > max) {
    throw new ScimError(400, `${attribute} must be a non-empty string of at most ${max} characters.`, "invalidValue");
  }
  return value.trim();
}

/** Strips the core-schema URN some clients put in front of attribute paths. */
export function normalizePath(path: string, schemaUrn: string): string {
  return path.startsWith(`${schemaUrn}:`) ? path.slice(schemaUrn.length + 1) : path;
}
