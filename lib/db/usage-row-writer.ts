import pg from "pg";
import type { Db } from "./create-client";
import type { DatabaseTarget } from "@/lib/db/database-target.mjs";

/** One GatewayUsage row as stored (prisma/models.prisma). */
export interface UsageRow {
  id: string;
  at: Date;
  principalKind: string;
  principalId: string;
  principalName: string;
  serverSlug: string;
  tool: string;
  outcome: string;
  durationMs: number;
  requestId: string;
  detail: string | null;
}

const COLUMNS = [
  "id",
  "at",
  "principalKind",
  "principalId",
  "principalName",
  "serverSlug",
  "tool",
  "outcome",
  "durationMs",
  "requestId",
  "detail",
] as const;

export interface UsageRowWriter {
  /** One multi-row INSERT; rejects when nothing was written. */
  insert(rows: UsageRow[]): Promise<void>;
  close(): Promise<void>;
}

function insertSql(rowCount: number, placeholder: (index: number) => string): string {
  const tuples: string[] = [];
  for (let row = 0; row < rowCount; row++)
    tuples.push(`(${COLUMNS.map((_, column) => placeholder(row * COLUMNS.length + column)).join(", ")})`);
  return `INSERT INTO "GatewayUsage" (${COLUMNS.map((column) => `"${column}"`).join(", ")}) VALUES ${tuples.join(", ")}`;
}

/**
 * Writes usage rows in batches (lib/db/write-batch.ts), bypassing Prisma's per-row query
 * pipeline. PostgreSQL gets its own small pool. SQLite goes through Prisma's own connection as
 * one raw statement: a second writing connection would commit between the reads and writes of
 * Prisma's interactive transactions, which SQLite then fails with SQLITE_BUSY_SNAPSHOT.
 */
export function createUsageRowWriter(target: DatabaseTarget, client: Db): UsageRowWriter {
  if (target.provider === "postgresql") {
    // Bounded waits: a hung connection or insert must not hold up GET /api/usage (which flushes
    // first) or a graceful stop; a timed-out write fails, keeps its rows and is retried.
    const pool = new pg.Pool({
      connectionString: target.url,
      max: 2,
      connectionTimeoutMillis: 5_000,
      statement_timeout: 10_000,
    });
    pool.on("error", () => {}); // an idle client's error: the next insert fails, is retried and reconnects
    return {
      insert: async (rows) => {
        // TIMESTAMP(3) without time zone holds UTC, as Prisma writes it; the literal's "Z" is ignored.
        const values = rows.flatMap((row) =>
          COLUMNS.map((column) => (column === "at" ? row.at.toISOString() : row[column])),
        );
        await pool.query(
          insertSql(rows.length, (index) => `$${index + 1}`),
          values,
        );
      },
      close: () => pool.end(),
    };
  }
  return {
    insert: async (rows) => {
      // Dates go in as Date so the adapter stores them in Prisma's own text format (ordering compares text).
      await client.$executeRawUnsafe(
        insertSql(rows.length, () => "?"),
        ...rows.flatMap((row) => COLUMNS.map((column) => row[column])),
      );
    },
    close: async () => {},
  };
}
