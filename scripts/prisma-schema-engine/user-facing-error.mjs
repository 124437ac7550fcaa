import { serverLocation } from "./postgres-connection.mjs";

/** An error the Prisma CLI shows with its P-code, as the native engine's user-facing errors. */
export class UserFacingError extends Error {
  constructor(errorCode, message, meta = {}) {
    super(message);
    this.name = "UserFacingError";
    this.errorCode = errorCode;
    this.meta = meta;
  }
}

const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ETIMEDOUT",
  "EAI_AGAIN",
]);

/** The native engine's P-codes for PostgreSQL connection failures; null when none applies. */
export function postgresUserFacingError(error, config) {
  const location = serverLocation(config);
  const unreachable =
    UNREACHABLE_CODES.has(error?.code) || /connection timeout|timeout expired/i.test(error?.message ?? "");
  if (unreachable) {
    return new UserFacingError(
      "P1001",
      `Can't reach database server at \`${location}\`\n\nPlease make sure your database server is running at \`${location}\`.`,
      { database_host: config.host, database_port: config.port },
    );
  }
  switch (error?.code) {
    case "28P01":
    case "28000":
      return new UserFacingError(
        "P1000",
        `Authentication failed against database server at \`${config.host}\`, the provided database credentials for \`${config.user}\` are not valid.\n\nPlease make sure to provide valid database credentials for the database server at \`${config.host}\`.`,
      );
    case "3D000":
      return new UserFacingError(
        "P1003",
        `Database \`${config.database}\` does not exist on the database server at \`${location}\`.`,
        { database_name: config.database, database_host: config.host, database_port: config.port },
      );
    case "42P04":
      return new UserFacingError(
        "P1009",
        `Database \`${config.database}\` already exists on the database server at \`${location}\``,
      );
    case "42501":
      return new UserFacingError(
        "P1010",
        `User \`${config.user}\` was denied access on the database \`${config.database}\``,
      );
    default:
      return null;
  }
}

/** The native engine's P3018, from the database error a migration script failed with. */
export function migrationFailedToApply(migrationName, scriptError) {
  const cause = scriptError?.cause ?? {};
  const databaseErrorCode = String(cause.originalCode ?? cause.code ?? "unknown");
  const databaseError = cause.originalMessage ?? scriptError?.message ?? String(scriptError);
  return new UserFacingError(
    "P3018",
    `A migration failed to apply. New migrations cannot be applied before the error is recovered from. Read more about how to resolve migration issues in a production database: https://pris.ly/d/migrate-resolve\n\nMigration name: ${migrationName}\n\nDatabase error code: ${databaseErrorCode}\n\nDatabase error:\n${databaseError}\n`,
    { migration_name: migrationName, database_error_code: databaseErrorCode, database_error: databaseError },
  );
}
