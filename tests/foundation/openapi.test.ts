import assert from "node:assert/strict";
import { test } from "node:test";
import { publicRoutes } from "@/lib/api/public-routes";
import { API_ROUTES } from "@/lib/api/route-table";
import { buildOpenApiDocument } from "@/lib/openapi/build-document";

test("every route of the API application is in the OpenAPI document, with its permission", () => {
  const document = buildOpenApiDocument("http://localhost:3000");
  assert.equal(document.openapi, "3.1.0");
  const paths = document.paths as Record<string, Record<string, { description?: string; security?: unknown[] }>>;
  for (const route of API_ROUTES) {
    const operation = paths[route.path]?.[route.method.toLowerCase()];
    assert.ok(operation, `${route.method} ${route.path} is missing from the OpenAPI document`);
    if (route.permission) assert.match(operation.description ?? "", new RegExp(route.permission));
  }
  for (const route of publicRoutes) {
    const operation = paths[route.path.replace("{resource*}", "{resource}")]?.get;
    assert.deepEqual(operation?.security, [], `${route.path} is documented as public`);
  }
});

test("request bodies come from the route's Zod schema (unknown fields rejected)", () => {
  const document = buildOpenApiDocument("http://localhost:3000");
  const body = (
    document.paths["/api/iam/m2m-accounts"]!.post as {
      requestBody: {
        content: {
          "application/json": { schema: { properties: Record<string, unknown>; additionalProperties: unknown } };
        };
      };
    }
  ).requestBody.content["application/json"].schema;
  assert.deepEqual(Object.keys(body.properties).sort(), [
    "clientId",
    "description",
    "enabled",
    "groups",
    "name",
    "tenantId",
  ]);
  assert.equal(body.additionalProperties, false);
});
