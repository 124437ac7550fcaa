import { ApiRequestError } from "@/components/ui/api-request";

/**
 * Field errors keyed by the full dotted path ("serverAccess.2.tools.0"), from the API's 422
 * `fields` or from the same Zod schema run in the browser. The group editor needs nested paths
 * to point at one rule or one chip (components/ui/form-errors.ts keeps only the top level).
 */
export type FieldErrors = Record<string, string>;

export function zodFieldErrors(issues: { path: PropertyKey[]; message: string }[]): FieldErrors {
  const result: FieldErrors = {};
  for (const issue of issues) result[issue.path.map(String).join(".") || "form"] ??= issue.message;
  return result;
}

export function apiFieldErrors(error: unknown): FieldErrors {
  if (!(error instanceof ApiRequestError)) return {};
  const result: FieldErrors = {};
  for (const field of error.fields) result[field.path || "form"] ??= field.message;
  return result;
}

/** The first error at or under a path ("serverAccess.2" matches "serverAccess.2.tools.0"). */
export function errorUnder(errors: FieldErrors, prefix: string): string | undefined {
  if (errors[prefix]) return errors[prefix];
  const key = Object.keys(errors).find((path) => path.startsWith(`${prefix}.`));
  return key ? errors[key] : undefined;
}

/** Indexes of array items with an error under `prefix` ("entraMappings.groups" → {0, 3}). */
export function invalidIndexes(errors: FieldErrors, prefix: string): Set<number> {
  const indexes = new Set<number>();
  for (const path of Object.keys(errors)) {
    const match = path.startsWith(`${prefix}.`) ? /^(\d+)/.exec(path.slice(prefix.length + 1)) : null;
    if (match) indexes.add(Number(match[1]));
  }
  return indexes;
}
