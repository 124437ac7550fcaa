import { z } from "zod";
import { AppError } from "@/lib/errors";

export const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

export const guid = (what: string) =>
  z
    .string()
    .trim()
    .regex(GUID_PATTERN, `${what} must be a GUID like 00000000-0000-0000-0000-000000000000`)
    .transform((value) => value.toLowerCase());

export const slug = (what: string) =>
  z
    .string()
    .regex(SLUG_PATTERN, `${what} must be 1–63 lowercase letters, digits or hyphens, starting with a letter or digit`);

export const displayText = (what: string, max: number) =>
  z.string().trim().min(1, `${what} is required`).max(max, `${what} must be at most ${max} characters`);

/** No default here: a default inside .optional() would overwrite the stored value on every PATCH. */
export const description = z.string().trim().max(2000, "Description must be at most 2000 characters");

/** Opaque cursors: base64url JSON of the last item's sort key (an array of 1–3 strings). */
export function encodeCursor(key: string[]): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

const CURSOR_MESSAGE = "cursor must be the nextCursor of a previous page";
const BASE64URL = /^[A-Za-z0-9_-]+$/;

export function parseCursor(cursor: string): string[] | null {
  // 1,024 characters hold the longest sort key we issue (200 non-ASCII characters and an id).
  if (cursor.length > 1024 || !BASE64URL.test(cursor)) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (!Array.isArray(value) || value.length < 1 || value.length > 3) return null;
    return value.every((item) => typeof item === "string" && item.length <= 256) ? (value as string[]) : null;
  } catch {
    return null;
  }
}

/** "text": any sort key; "time": an ISO timestamp (lists sorted by time). */
export type CursorPart = "text" | "time";

function fitsShape(key: string[], shape: CursorPart[]): boolean {
  return key.length === shape.length && shape.every((part, i) => part === "text" || !Number.isNaN(Date.parse(key[i]!)));
}

/** The sort key of a cursor, checked against the list's key shape; a mismatch is a 422 on `cursor`. */
export function decodeCursor(cursor: string | undefined, shape: CursorPart[]): string[] | undefined {
  if (cursor === undefined || cursor === "") return undefined;
  const key = parseCursor(cursor);
  if (key === null || !fitsShape(key, shape)) {
    throw new AppError("validation_failed", `Invalid query: cursor: ${CURSOR_MESSAGE}`, {
      fields: [{ path: "cursor", message: CURSOR_MESSAGE }],
    });
  }
  return key;
}

/**
 * For lists ordered newest first by (time field, id): a Prisma `where` fragment for the rows after
 * the cursor's key ({} on the first page). A cursor not of that (time, id) shape is a 422.
 */
export function afterNewest<F extends string>(
  cursor: string | undefined,
  field: F,
): { OR: [Record<F, { lt: Date }>, Record<F, Date> & { id: { lt: string } }] } | Record<string, never> {
  const key = decodeCursor(cursor, ["time", "text"]);
  if (!key) return {};
  const at = new Date(key[0]!);
  return {
    OR: [
      { [field]: { lt: at } } as Record<F, { lt: Date }>,
      { [field]: at, id: { lt: key[1]! } } as Record<F, Date> & { id: { lt: string } },
    ],
  };
}

/**
 * The `cursor` query parameter of every list: only something this API issued is accepted (in the
 * list's key shape, when given), so a forged or mangled cursor is a 422 naming `cursor` instead
 * of a silently restarted list. An empty value means "first page".
 */
export function cursorParam(shape?: CursorPart[]) {
  return z
    .string()
    .refine((value) => {
      if (value === "") return true;
      const key = parseCursor(value);
      return key !== null && (shape === undefined || fitsShape(key, shape));
    }, CURSOR_MESSAGE)
    .optional();
}

/** Paging query shared by every list route (SPEC §5). */
export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1, "limit must be 1–200").max(200, "limit must be 1–200").default(50),
  cursor: cursorParam(),
  q: z.string().trim().max(200).optional(),
});
export type PageQuery = z.infer<typeof pageQuery>;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * Keyset paging: queries fetch `limit + 1` rows; the extra row only says a next page exists,
 * and the cursor is the sort key of the last row shown.
 */
export function toPage<T>(
  rows: T[],
  limit: number,
  sortKey: (row: T) => string[],
): { rows: T[]; nextCursor: string | null } {
  const shown = rows.slice(0, limit);
  const last = shown[shown.length - 1];
  return { rows: shown, nextCursor: rows.length > limit && last ? encodeCursor(sortKey(last)) : null };
}

export function jsonStringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}
