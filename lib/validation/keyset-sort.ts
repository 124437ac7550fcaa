import { z } from "zod";
import { AppError } from "@/lib/errors";
import { decodeCursor } from "./common";

/** A sortable column of a list: its Prisma field, and whether it can be null (sorted last). */
export interface SortField {
  column: string;
  type: "text" | "time";
  nullable?: boolean;
}

export interface Sort<K extends string> {
  key: K;
  desc: boolean;
  /** As written in the URL: `name` or `-lastUsedAt`. */
  token: string;
}

/**
 * The `sort` query parameter of a list: one of its keys, `-` in front for descending
 * (e.g. `name`, `-lastUsedAt`). Anything else is a 422 naming `sort` and the accepted values.
 */
export function sortParam<K extends string>(fields: Record<K, SortField>, fallback: string) {
  const tokens = Object.keys(fields).flatMap((key) => [key, `-${key}`]);
  return z
    .string()
    .trim()
    .optional()
    .transform((value) => value || fallback)
    .refine((value) => tokens.includes(value), `sort must be one of ${tokens.join(", ")}`)
    .transform((token): Sort<K> => ({ key: token.replace(/^-/, "") as K, desc: token.startsWith("-"), token }));
}

const CURSOR_MESSAGE = "cursor belongs to another sort order; start again from the first page";

type Comparable = string | Date;

/**
 * Keyset paging under any sort: order by (field, id) in the sort's direction, nulls last; the
 * cursor carries the sort it was issued for, so a cursor reused under another sort is a 422
 * instead of a page from the wrong place.
 */
export function keyset<K extends string>(fields: Record<K, SortField>, sort: Sort<K>, cursor: string | undefined) {
  const field = fields[sort.key];
  const dir = sort.desc ? "desc" : "asc";
  const beyond = sort.desc ? "lt" : "gt";
  const orderBy = [{ [field.column]: field.nullable ? { sort: dir, nulls: "last" } : dir }, { id: dir }];
  const key = decodeCursor(cursor, ["text", "text", "text"]);
  let where: Record<string, unknown> = {};
  if (key) {
    const [token, value, id] = key as [string, string, string];
    if (token !== sort.token)
      throw new AppError("validation_failed", `Invalid query: cursor: ${CURSOR_MESSAGE}`, {
        fields: [{ path: "cursor", message: CURSOR_MESSAGE }],
      });
    // A nullable field's cursor value is "" for null and "=" + value otherwise, so an empty
    // string (a real value, sorted first) is never mistaken for null (sorted last).
    const isNull = field.nullable && value === "";
    const raw = field.nullable && !isNull ? value.slice(1) : value;
    const typed: Comparable = field.type === "time" ? new Date(raw) : raw;
    if (isNull) where = { [field.column]: null, id: { [beyond]: id } };
    else if (
      (field.nullable && !value.startsWith("=")) ||
      (field.type === "time" && Number.isNaN((typed as Date).getTime()))
    )
      throw new AppError("validation_failed", `Invalid query: cursor: ${CURSOR_MESSAGE}`, {
        fields: [{ path: "cursor", message: CURSOR_MESSAGE }],
      });
    else
      where = {
        OR: [
          { [field.column]: { [beyond]: typed } },
          { [field.column]: typed, id: { [beyond]: id } },
          ...(field.nullable ? [{ [field.column]: null }] : []),
        ],
      };
  }
  const cursorOf = (row: Record<string, unknown> & { id: string }): string[] => {
    const value = row[field.column];
    const text = value instanceof Date ? value.toISOString() : String(value);
    return [sort.token, value == null ? "" : field.nullable ? `=${text}` : text, row.id];
  };
  return { orderBy, where, cursorOf };
}
