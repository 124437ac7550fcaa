import type { z } from "zod";
import { ApiRequestError } from "./api-request";

/** Field path ("groups.0" → "groups") → first message. */
export type FieldErrors = Record<string, string>;

function topLevel(path: string): string {
  return path.split(".")[0] ?? path;
}

/** Zod issues as field errors, keyed by the top-level field name. */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = topLevel(issue.path.map(String).join(".")) || "form";
    errors[key] ??= issue.message;
  }
  return errors;
}

/** API `fields` (422) as field errors. Unknown fields end up under "form". */
export function apiFieldErrors(error: unknown, known: readonly string[]): FieldErrors {
  if (!(error instanceof ApiRequestError)) return {};
  const errors: FieldErrors = {};
  for (const field of error.fields) {
    const key = topLevel(field.path);
    errors[known.includes(key) ? key : "form"] ??= field.message;
  }
  return errors;
}
