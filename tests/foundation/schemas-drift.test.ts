import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { test } from "node:test";

test("both providers' schemas are generated from prisma/models.prisma (no drift)", () => {
  const result = spawnSync(process.execPath, ["scripts/build-schemas.mjs", "--check"], { encoding: "utf8" });
  assert.equal(result.status, 0, result.stderr);
});

test("both providers have the same migrations, and the same tables in them", () => {
  const names = (provider: string) =>
    readdirSync(`prisma/${provider}/migrations`)
      .filter((n) => n !== "migration_lock.toml")
      .sort();
  assert.deepEqual(names("sqlite"), names("postgresql"));
  const tables = (provider: string) =>
    names(provider)
      .flatMap((dir) =>
        [
          ...readFileSync(`prisma/${provider}/migrations/${dir}/migration.sql`, "utf8").matchAll(
            /CREATE TABLE "(\w+)"/g,
          ),
        ].map((m) => m[1]),
      )
      .sort();
  assert.deepEqual(tables("sqlite"), tables("postgresql"));
  const models = [...readFileSync("prisma/models.prisma", "utf8").matchAll(/^model (\w+)/gm)].map((m) => m[1]).sort();
  assert.deepEqual(
    tables("sqlite").filter((t) => !t!.startsWith("_")),
    models,
  );
});
