import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { buildOpenApiDocument } from "@/lib/openapi/build-document";

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? routeFiles(path) : name === "route.ts" ? [path] : [];
  });
}

test("every API route and method is in the OpenAPI document", () => {
  const document = buildOpenApiDocument("http://localhost:3000");
  assert.equal(document.openapi, "3.1.0");
  for (const file of routeFiles("app/api").filter((f) => !f.includes("openapi.json"))) {
    const path = "/" + file.replace(/^app\//, "").replace(/\/route\.ts$/, "").replace(/\[(\w+)\]/g, "{$1}");
    const source = readFileSync(file, "utf8");
    for (const method of ["GET", "POST", "PATCH", "PUT", "DELETE"]) {
      if (!new RegExp(`export (const|async function|function) ${method}\\b`).test(source)) continue;
      const operations = (document.paths as Record<string, Record<string, unknown>>)[path];
      assert.ok(operations?.[method.toLowerCase()], `${method} ${path} is missing from the OpenAPI document`);
    }
  }
});

test("request bodies come from the route's Zod schema (unknown fields rejected)", () => {
  const document = buildOpenApiDocument("http://localhost:3000");
  const body = (document.paths["/api/iam/m2m-accounts"]!.post as { requestBody: { content: { "application/json": { schema: { properties: Record<string, unknown>; additionalProperties: unknown } } } } }).requestBody.content["application/json"].schema;
  assert.deepEqual(Object.keys(body.properties).sort(), ["clientId", "description", "enabled", "groups", "name", "tenantId"]);
  assert.equal(body.additionalProperties, false);
});
