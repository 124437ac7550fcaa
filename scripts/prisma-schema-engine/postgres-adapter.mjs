import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { parsePostgresUrl, quoteIdentifier } from "./postgres-connection.mjs";
import { postgresUserFacingError, UserFacingError } from "./user-facing-error.mjs";

const TEXT = 25;
const TEXT_ARRAY = 1009;
// Gap 5: catalog types the schema describer selects but @prisma/adapter-pg refuses.
const CATALOG_SCALARS_AS_TEXT = new Set([
  18 /* "char" */, 22 /* int2vector */, 24 /* regproc */, 30 /* oidvector */, 194 /* pg_node_tree */,
  2205 /* regclass */, 2206 /* regtype */, 4089 /* regnamespace */,
]);
const CATALOG_ARRAYS_AS_TEXT_ARRAY = new Set([1002 /* "char"[] */, 1003 /* name[] */]);
const parseTextArray = pg.types.getTypeParser(TEXT_ARRAY);

/** @prisma/adapter-pg with the fixes the Wasm schema engine needs (gaps 5 and 6 in README.md). */
export function createPostgresAdapterFactory({ url, shadowDatabaseUrl }) {
  const main = parsePostgresUrl(url);
  const shadow = shadowDatabaseUrl ? parsePostgresUrl(shadowDatabaseUrl) : undefined;
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: () => connectTo(main),
    connectToShadowDb: () => (shadow ? connectToConfiguredShadow(shadow) : connectToTemporaryShadow(main)),
    closeAll() {},
  };
}

async function connectTo({ config, schema }) {
  const pool = new pg.Pool({ ...config, Client: CatalogTypesAsTextClient });
  const factory = new PrismaPg(pool, { schema, disposeExternalPool: true });
  return factory.connect();
}

// As the native engine does with a configured shadow database: empty it, then use it.
async function connectToConfiguredShadow(shadow) {
  const adapter = await connectTo(shadow);
  const schema = quoteIdentifier(shadow.schema);
  await adapter.executeScript(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
  return adapter;
}

// Gap 6: create and drop the temporary shadow database ourselves, next to the main database.
async function connectToTemporaryShadow(main) {
  const database = `prisma_migrate_shadow_db_${randomUUID()}`;
  await runOnServer(main.config, `CREATE DATABASE ${quoteIdentifier(database)}`).catch((error) => {
    throw new UserFacingError(
      "P3014",
      `Prisma Migrate could not create the shadow database. Please make sure the database user has permission to create databases. Read more about the shadow database (and workarounds) at https://pris.ly/d/migrate-shadow\n\nOriginal error: \n${error.message}`,
    );
  });
  const adapter = await connectTo({ config: { ...main.config, database }, schema: main.schema });
  const dispose = adapter.dispose.bind(adapter);
  adapter.dispose = async () => {
    await dispose();
    await runOnServer(main.config, `DROP DATABASE IF EXISTS ${quoteIdentifier(database)} WITH (FORCE)`);
  };
  return adapter;
}

/**
 * Runs one statement on its own connection to `config`'s database. Errors name the database
 * `subject` (CREATE/DROP DATABASE run from a maintenance database).
 */
export async function runOnServer(config, sql, subject = config) {
  const client = new pg.Client(config);
  try {
    await client.connect();
    return await client.query(sql);
  } catch (error) {
    throw postgresUserFacingError(error, subject) ?? error;
  } finally {
    await client.end().catch(() => {});
  }
}

class CatalogTypesAsTextClient extends pg.Client {
  query(config, values, callback) {
    if (typeof values === "function") [values, callback] = [undefined, values];
    if (typeof callback === "function") {
      return super.query(config, values, (error, result) =>
        callback(error, error ? result : catalogTypesAsText(result)),
      );
    }
    const pending = super.query(config, values);
    return typeof pending?.then === "function" ? pending.then(catalogTypesAsText) : pending;
  }
}

function catalogTypesAsText(result) {
  if (Array.isArray(result)) return result.map(catalogTypesAsText);
  result?.fields?.forEach((field, index) => {
    const isArray = CATALOG_ARRAYS_AS_TEXT_ARRAY.has(field.dataTypeID);
    if (!isArray && !CATALOG_SCALARS_AS_TEXT.has(field.dataTypeID)) return;
    field.dataTypeID = isArray ? TEXT_ARRAY : TEXT;
    const key = result.rowAsArray ? index : field.name;
    for (const row of result.rows) {
      const value = row[key];
      if (value === null || value === undefined) continue;
      row[key] = isArray ? (typeof value === "string" ? parseTextArray(value) : value.map(String)) : String(value);
    }
  });
  return result;
}
