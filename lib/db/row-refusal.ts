/**
 * Whether a failed INSERT was the database refusing a row's content, and its code: what lets
 * WriteBatch (write-batch.ts) drop a poison row without mistaking an outage for one.
 * - PostgreSQL (pg): the SQLSTATE, refused when its class is 22 (data exception: a value the
 *   column cannot hold, a NUL byte) or 23 (integrity constraint violation: a duplicate key, a
 *   missing NOT NULL value).
 * - SQLite (through Prisma's driver adapter): the extended result code, refused when it is a
 *   constraint, a datatype mismatch or a value over SQLite's size limit.
 * Anything else (connection refused, a timeout, a busy or missing database or table) is null:
 * the write failed, not the row.
 */
export function rowRefusalCode(error: unknown): string | null {
  const code = databaseErrorCode(error);
  if (code === undefined) return null;
  if (/^2[23][0-9A-Z]{3}$/.test(code)) return code;
  if (/^SQLITE_(CONSTRAINT|MISMATCH|TOOBIG)/.test(code)) return code;
  return null;
}

/** The database's own code behind a query error: pg's `code`, or the SQLite code Prisma wraps. */
function databaseErrorCode(error: unknown): string | undefined {
  const failure = error as {
    code?: unknown;
    meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } };
  } | null;
  const wrapped = failure?.meta?.driverAdapterError?.cause?.originalCode;
  if (typeof wrapped === "string") return wrapped;
  return typeof failure?.code === "string" ? failure.code : undefined;
}
