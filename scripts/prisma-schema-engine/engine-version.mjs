import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

// Test hook and escape hatch: pretend the installed Wasm engine has this version.
export const WASM_VERSION_OVERRIDE_ENV = "PRISMA_SCHEMA_ENGINE_WASM_VERSION_OVERRIDE";

const requireHere = createRequire(import.meta.url);

function readPackageJson(require, specifier) {
  const file = require.resolve(specifier);
  return { file, json: JSON.parse(readFileSync(file, "utf8")) };
}

/** Versions of the installed `prisma` CLI, the engines it expects, and the Wasm engine. */
export function readEngineVersions(env = process.env) {
  const prisma = readPackageJson(requireHere, "prisma/package.json");
  const engines = readPackageJson(createRequire(prisma.file), "@prisma/engines/package.json");
  const expected = readPackageJson(createRequire(engines.file), "@prisma/engines-version/package.json");
  // The Wasm package's `exports` map hides its package.json; find it next to its JS glue.
  const wasmGlue = requireHere.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const wasm = readPackageJson(requireHere, path.join(path.dirname(wasmGlue), "package.json"));
  return {
    prismaVersion: prisma.json.version,
    expectedVersion: expected.json.version,
    enginesHash: expected.json.prisma.enginesVersion,
    wasmVersion: env[WASM_VERSION_OVERRIDE_ENV] || wasm.json.version,
  };
}

/** One line naming both versions and the pin that fixes it, or null when they match. */
export function describeVersionMismatch(versions) {
  if (versions.wasmVersion === versions.expectedVersion) return null;
  return (
    `@prisma/schema-engine-wasm ${versions.wasmVersion} does not match the engines of prisma ` +
    `${versions.prismaVersion} (@prisma/engines-version ${versions.expectedVersion}): pin ` +
    `"@prisma/schema-engine-wasm": "${versions.expectedVersion}" in package.json and reinstall.`
  );
}
