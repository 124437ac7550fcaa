import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv from "ajv";

// ajv is in node_modules as a dependency of @modelcontextprotocol/sdk; tests use it to check
// answers against the vendored official schema (docs/schemas/README.md), not a copy of our own.
const schema = JSON.parse(
  readFileSync(join(process.cwd(), "docs/schemas/server.schema.2025-12-11.json"), "utf8"),
) as object;
const validate = new Ajv({ strict: false, validateFormats: false, allErrors: true }).compile(schema);

/** Asserts that `document` is a valid server.json (schema 2025-12-11). */
export function assertServerJson(document: unknown): void {
  assert.ok(
    validate(document),
    `not a valid server.json: ${JSON.stringify(validate.errors)} in ${JSON.stringify(document)}`,
  );
}

const OFFICIAL = "io.modelcontextprotocol.registry/official";

/** Asserts the official `ServerResponse` shape: a valid server.json and the registry's own metadata. */
export function assertServerResponse(entry: any): void {
  assert.deepEqual(Object.keys(entry).sort(), ["_meta", "server"]);
  assertServerJson(entry.server);
  const meta = entry._meta[OFFICIAL];
  assert.ok(["active", "deprecated", "deleted"].includes(meta.status));
  assert.ok(!Number.isNaN(Date.parse(meta.publishedAt)) && !Number.isNaN(Date.parse(meta.updatedAt)));
  assert.equal(meta.isLatest, true);
}
