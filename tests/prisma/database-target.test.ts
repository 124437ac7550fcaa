import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { resolveDatabaseTarget } from "@/lib/db/database-target.mjs";

const cwd = "/srv/registry";

describe("resolveDatabaseTarget", () => {
  test("no DATABASE_URL: SQLite at <cwd>/.data/registry.db", () => {
    for (const env of [{}, { DATABASE_URL: "" }, { DATABASE_URL: "  " }]) {
      assert.deepEqual(resolveDatabaseTarget(env, { cwd }), {
        provider: "sqlite",
        url: "file:/srv/registry/.data/registry.db",
        sqliteFile: "/srv/registry/.data/registry.db",
        schemaPath: "prisma/sqlite/schema.prisma",
        migrationsPath: "prisma/sqlite/migrations",
      });
    }
  });

  test("REGISTRY_DATA_DIR moves the SQLite file, relative to cwd or absolute", () => {
    assert.equal(
      resolveDatabaseTarget({ REGISTRY_DATA_DIR: "var/data" }, { cwd }).url,
      "file:/srv/registry/var/data/registry.db",
    );
    assert.equal(resolveDatabaseTarget({ REGISTRY_DATA_DIR: "/data" }, { cwd }).sqliteFile, "/data/registry.db");
  });

  test("a file: DATABASE_URL names the SQLite file itself", () => {
    const target = resolveDatabaseTarget(
      { DATABASE_URL: "file:./dev.db?connection_limit=1", REGISTRY_DATA_DIR: "/ignored" },
      { cwd },
    );
    assert.equal(target.provider, "sqlite");
    assert.equal(target.url, "file:/srv/registry/dev.db");
  });

  test("postgres:// and postgresql:// select PostgreSQL, with an optional shadow database", () => {
    const url = "postgresql://registry:secret@db:5432/registry?schema=public";
    assert.deepEqual(
      resolveDatabaseTarget({ DATABASE_URL: url, SHADOW_DATABASE_URL: "postgres://db/shadow" }, { cwd }),
      {
        provider: "postgresql",
        url,
        shadowDatabaseUrl: "postgres://db/shadow",
        schemaPath: "prisma/postgresql/schema.prisma",
        migrationsPath: "prisma/postgresql/migrations",
      },
    );
    assert.equal(
      resolveDatabaseTarget({ DATABASE_URL: "postgres://db/registry" }, { cwd }).shadowDatabaseUrl,
      undefined,
    );
  });

  test("any other scheme fails without echoing the URL", () => {
    assert.throws(
      () => resolveDatabaseTarget({ DATABASE_URL: "mysql://root:hunter2@db/registry" }, { cwd }),
      (error: Error) =>
        /must start with postgres:\/\/, postgresql:\/\/ or file:/.test(error.message) &&
        !error.message.includes("hunter2"),
    );
  });
});
