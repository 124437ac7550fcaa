import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { ApiRequestError, errorMessage } from "./api-request";

export interface ApiErrorMapping<T extends FieldValues> {
  /**
   * The form field an API field path belongs to, or null when the form has none (its message
   * then goes to the form-level error). Default: the path itself when its first part is a form
   * field.
   */
  fieldFor?: (path: string) => Path<T> | null;
  /** Where a 409 goes: the field whose value is taken (a duplicate name). */
  conflictField?: Path<T>;
}

/**
 * Puts an API refusal (SPEC §6 error body) on the form: each 422 `fields` entry on its field, a 409
 * on `conflictField`, anything else as the form-level error (`errors.root.server`, type "conflict"
 * for a 409).
 */
export function applyApiError<T extends FieldValues>(
  form: { setError: UseFormSetError<T> },
  error: unknown,
  fieldNames: readonly string[],
  mapping: ApiErrorMapping<T> = {},
): void {
  const fieldFor =
    mapping.fieldFor ?? ((path: string) => (fieldNames.includes(path.split(".")[0] ?? "") ? (path as Path<T>) : null));
  if (error instanceof ApiRequestError && error.status === 409 && mapping.conflictField) {
    form.setError(mapping.conflictField, { type: "server", message: error.message });
    return;
  }
  let unplaced = !(error instanceof ApiRequestError) || error.fields.length === 0;
  if (error instanceof ApiRequestError) {
    for (const field of error.fields) {
      const name = fieldFor(field.path);
      if (name === null) unplaced = true;
      else form.setError(name, { type: "server", message: field.message });
    }
  }
  // A 409 without a field is a newer change or a guard: "conflict" lets the form offer a reload.
  const type = error instanceof ApiRequestError && error.status === 409 ? "conflict" : "server";
  if (unplaced) form.setError("root.server", { type, message: errorMessage(error) });
}
