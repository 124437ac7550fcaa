import { get, type FieldErrors, type FieldValues } from "react-hook-form";

function firstMessage(node: unknown): string | undefined {
  if (!node || typeof node !== "object") return undefined;
  const message = (node as { message?: unknown }).message;
  if (typeof message === "string" && message) return message;
  for (const [key, child] of Object.entries(node)) {
    if (key === "ref" || key === "types") continue;
    const found = firstMessage(child);
    if (found) return found;
  }
  return undefined;
}

/** The first error message at or under a path ("rules.2" finds "rules.2.tools.0"). */
export function errorAt<T extends FieldValues>(errors: FieldErrors<T>, path: string): string | undefined {
  return firstMessage(get(errors, path));
}

/** Indexes of array items with an error under `path` ("labels" → {0, 3}). */
export function errorIndexes<T extends FieldValues>(errors: FieldErrors<T>, path: string): Set<number> {
  const node: unknown = get(errors, path);
  const indexes = new Set<number>();
  if (node && typeof node === "object") {
    for (const [key, child] of Object.entries(node)) {
      if (/^\d+$/.test(key) && firstMessage(child)) indexes.add(Number(key));
    }
  }
  return indexes;
}

/** Whether the form's own check (not the API) found something wrong, anywhere in `errors`. */
export function hasCheckErrors(node: unknown): boolean {
  if (!node || typeof node !== "object") return false;
  const { message, type } = node as { message?: unknown; type?: unknown };
  if (typeof message === "string" && message && type !== "server" && type !== "conflict") return true;
  return Object.entries(node).some(([key, child]) => key !== "ref" && key !== "types" && hasCheckErrors(child));
}
