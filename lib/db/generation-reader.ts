import Database from "better-sqlite3";
import pg from "pg";
import type { DatabaseTarget } from "@/lib/db/database-target.mjs";

/**
 * Reads the IAM generation (lib/auth/iam-generation.ts) on every authenticated request. It is one
 * primary-key lookup, so it goes straight to the driver: through Prisma's query pipeline it cost
 * about a third of a warm request's CPU. Any failure reads as -1, which never matches a cached
 * generation: nothing is reused (fail closed).
 */
export interface GenerationReader {
  read(): Promise<number>;
  close(): Promise<void>;
}

const SQL = `SELECT "iamGeneration" AS generation FROM "RegistryState" WHERE "id" = 1`;

export function createGenerationReader(target: DatabaseTarget): GenerationReader {
  if (target.provider === "postgresql") {
    const pool = new pg.Pool({ connectionString: target.url, max: 2 });
    pool.on("error", () => {}); // an idle client's error: the next query reports -1 and reconnects
    return {
      read: async () => {
        try {
          const { rows } = await pool.query<{ generation: string | number }>(SQL);
          return rows[0] ? Number(rows[0].generation) : -1;
        } catch {
          return -1;
        }
      },
      close: () => pool.end(),
    };
  }
  let statement: Database.Statement<[], { generation: number | bigint }> | null = null;
  let connection: Database.Database | null = null;
  return {
    read: async () => {
      try {
        if (!statement) {
          // Read-only, in WAL mode: sees every committed write of every process on the file.
          connection = new Database(target.sqliteFile, { readonly: true, fileMustExist: true });
          statement = connection.prepare(SQL);
        }
        const row = statement.get();
        return row ? Number(row.generation) : -1;
      } catch {
        connection?.close();
        connection = null;
        statement = null;
        return -1;
      }
    },
    close: async () => {
      connection?.close();
      connection = null;
      statement = null;
    },
  };
}
