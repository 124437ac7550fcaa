import { createRequire } from "node:module";

// pg-connection-string is what pg itself uses to read URLs; resolve it through pg so the
// project needs no direct dependency on it.
const requireFromPg = createRequire(createRequire(import.meta.url).resolve("pg"));
const { parse } = requireFromPg("pg-connection-string");

const DEFAULT_CONNECT_TIMEOUT_SECONDS = 5;

/**
 * A Prisma PostgreSQL URL as discrete pg connection fields. Discrete fields matter: the pg
 * adapter spreads `{ ...config, database }` for its shadow database, and a `connectionString`
 * would win over that `database` (gap 6).
 */
export function parsePostgresUrl(url) {
  const parsed = parse(url);
  const config = {
    host: parsed.host || "localhost",
    port: Number(parsed.port) || 5432,
    user: parsed.user || undefined,
    password: parsed.password || undefined,
    database: parsed.database || parsed.user || undefined,
    connectionTimeoutMillis: Number(parsed.connect_timeout ?? DEFAULT_CONNECT_TIMEOUT_SECONDS) * 1000,
  };
  if (parsed.ssl !== undefined) config.ssl = parsed.ssl;
  if (parsed.options) config.options = parsed.options;
  if (parsed.application_name) config.application_name = parsed.application_name;
  return { config, schema: parsed.schema || "public" };
}

export function serverLocation({ host, port }) {
  return `${host}:${port}`;
}

export function quoteIdentifier(name) {
  return `"${name.replaceAll('"', '""')}"`;
}
