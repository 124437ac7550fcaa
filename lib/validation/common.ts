import { z } from "zod";

export const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

export const guid = (what: string) =>
  z
    .string()
    .trim()
    .regex(GUID_PATTERN, `${what} must be a GUID like 00000000-0000-0000-0000-000000000000`)
    .transform((value) => value.toLowerCase());

export const slug = (what: string) =>
  z.string().regex(SLUG_PATTERN, `${what} must be 1–63 lowercase letters, digits or hyphens, starting with a letter or digit`);

export const displayText = (what: string, max: number) =>
  z.string().trim().min(1, `${what} is required`).max(max, `${what} must be at most ${max} characters`);

/** No default here: a default inside .optional() would overwrite the stored value on every PATCH. */
export const description = z.string().trim().max(2000, "Description must be at most 2000 characters");

/** Paging query shared by every list route (SPEC §5). */
export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1, "limit must be 1–200").max(200, "limit must be 1–200").default(50),
  cursor: z.string().max(512).optional(),
  q: z.string().trim().max(200).optional(),
});
export type PageQuery = z.infer<typeof pageQuery>;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Opaque cursors: base64url JSON of the last item's sort key. */
export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

export function decodeCursor(cursor: string | undefined): unknown[] | undefined {
  if (!cursor) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    return Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Keyset paging: queries fetch `limit + 1` rows; the extra row only says a next page exists,
 * and the cursor is the sort key of the last row shown.
 */
export function toPage<T>(rows: T[], limit: number, sortKey: (row: T) => unknown[]): { rows: T[]; nextCursor: string | null } {
  const shown = rows.slice(0, limit);
  const last = shown[shown.length - 1];
  return { rows: shown, nextCursor: rows.length > limit && last ? encodeCursor(sortKey(last)) : null };
}

export function jsonStringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}
