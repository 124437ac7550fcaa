export declare const SQLITE_FILE_NAME: "registry.db";

export type DatabaseTarget =
  | {
      provider: "postgresql";
      url: string;
      shadowDatabaseUrl: string | undefined;
      /** Relative to the project root. */
      schemaPath: string;
      migrationsPath: string;
      sqliteFile?: undefined;
    }
  | {
      provider: "sqlite";
      /** `file:` + the absolute path of `sqliteFile`. */
      url: string;
      sqliteFile: string;
      schemaPath: string;
      migrationsPath: string;
      shadowDatabaseUrl?: undefined;
    };

export declare function resolveDatabaseTarget(
  env?: Record<string, string | undefined>,
  options?: { cwd?: string },
): DatabaseTarget;

export declare function ensureDatabaseDirectory(target: DatabaseTarget): void;
