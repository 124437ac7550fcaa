import { providerOfUrl } from "./database-url.mjs";
import { createPostgresAdapterFactory } from "./postgres-adapter.mjs";
import { createSqliteAdapterFactory } from "./sqlite-adapter.mjs";
import { UserFacingError } from "./user-facing-error.mjs";

/** The driver adapter factory (unbound) for a `{ url, shadowDatabaseUrl }` datasource. */
export function createAdapterFactory(datasource) {
  const provider = providerOfUrl(datasource.url);
  if (provider === "sqlite") return rememberingScriptErrors(createSqliteAdapterFactory(datasource));
  if (provider === "postgresql") {
    if (datasource.shadowDatabaseUrl === datasource.url) {
      throw new UserFacingError(
        null,
        "The shadow database you configured appears to be the same as the main database. Please specify another shadow database.",
      );
    }
    return rememberingScriptErrors(createPostgresAdapterFactory(datasource));
  }
  throw new UserFacingError(
    "P1013",
    `The provided database string is invalid. The schema engine stand-in serves only \`file:\` (SQLite) and \`postgres://\`/\`postgresql://\` URLs.`,
  );
}

// The Wasm engine reports a failing migration script without the native P3018; the database
// error it needs is the one the main connection's executeScript threw.
function rememberingScriptErrors(factory) {
  let lastScriptError;
  const connect = factory.connect;
  factory.connect = async () => {
    const adapter = await connect();
    const executeScript = adapter.executeScript.bind(adapter);
    adapter.executeScript = async (script) => {
      try {
        return await executeScript(script);
      } catch (error) {
        lastScriptError = error;
        throw error;
      }
    };
    return adapter;
  };
  factory.takeLastScriptError = () => {
    const error = lastScriptError;
    lastScriptError = undefined;
    return error;
  };
  return factory;
}
