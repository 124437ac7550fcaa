/**
 * SCIM's own error (RFC 7644 §3.12). Branded like AppError: the module may load twice in one
 * process, so it is recognised by the brand, never by `instanceof`.
 */
const SCIM_ERROR_BRAND = Symbol.for("mcp-registry.ScimError");

export type ScimType =
  | "invalidFilter"
  | "invalidValue"
  | "invalidSyntax"
  | "invalidPath"
  | "noTarget"
  | "uniqueness"
  | "mutability"
  | "tooMany";

export class ScimError extends Error {
  readonly [SCIM_ERROR_BRAND] = true;
  constructor(
    readonly status: 400 | 404 | 405 | 409 | 413,
    readonly detail: string,
    readonly scimType?: ScimType,
  ) {
    super(detail);
    this.name = "ScimError";
  }
}

export function isScimError(error: unknown): error is ScimError {
  return typeof error === "object" && error !== null && (error as Record<symbol, unknown>)[SCIM_ERROR_BRAND] === true;
}

export const invalidValue = (detail: string) => new ScimError(400, detail, "invalidValue");
export const notFound = (what: "User" | "Group") => new ScimError(404, `No such ${what}.`);
