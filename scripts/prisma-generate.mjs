#!/usr/bin/env node
// Generates the Prisma client for both providers (postinstall): the app picks one at run time
// from DATABASE_URL, so both must exist. Offline: the schema engine stand-in is set here too,
// in case prisma.config.ts cannot be loaded.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const schemas = ["prisma/sqlite/schema.prisma", "prisma/postgresql/schema.prisma"];
const prismaCli = path.join(
  path.dirname(createRequire(import.meta.url).resolve("prisma/package.json")),
  "build/index.js",
);
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY:
    process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? path.join(root, "scripts/prisma-schema-engine/schema-engine.mjs"),
  CHECKPOINT_DISABLE: "1",
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
};

function generate(schema) {
  if (!existsSync(path.join(root, schema))) return Promise.reject(new Error(`${schema} is missing`));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [prismaCli, "generate", "--schema", schema], {
      cwd: root,
      env,
      stdio: "inherit",
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`prisma generate --schema ${schema} exited with ${code}`)),
    );
  });
}

try {
  await Promise.all(schemas.map(generate));
} catch (error) {
  console.error(`prisma-generate: ${error.message}`);
  process.exit(1);
}
