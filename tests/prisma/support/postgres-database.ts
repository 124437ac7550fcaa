import { randomBytes } from "node:crypto";
import pg from "pg";

const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export interface PostgresDatabase {
  name: string;
  url: string;
  query<T extends pg.QueryResultRow>(sql: string): Promise<T[]>;
  drop(): Promise<void>;
}

async function withAdmin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** A unique database name on the test server; created by the caller (or by Prisma) when needed. */
export function postgresDatabase(label: string): PostgresDatabase {
  const name = `prisma_offline_${label}_${randomBytes(4).toString("hex")}`;
  const address = new URL(ADMIN_URL);
  address.pathname = `/${name}`;
  const url = address.toString();
  return {
    name,
    url,
    async query(sql) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        return (await client.query(sql)).rows;
      } finally {
        await client.end();
      }
    },
    drop: () =>
      withAdmin(async (client) => void (await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))),
  };
}

export function createPostgresDatabase(label: string): Promise<PostgresDatabase> {
  const database = postgresDatabase(label);
  return withAdmin(async (client) => {
    await client.query(`CREATE DATABASE "${database.name}"`);
    return database;
  });
}
