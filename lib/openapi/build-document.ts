import { z } from "zod";
import { ROUTES, type RouteDoc } from "./routes";

const errorSchema = {
  type: "object",
  required: ["error", "requestId"],
  properties: {
    error: { type: "object", required: ["code", "message"], properties: { code: { type: "string" }, message: { type: "string" }, fields: { type: "array", items: { type: "object", properties: { path: { type: "string" }, message: { type: "string" } } } } } },
    requestId: { type: "string" },
  },
};

function jsonSchema(schema: z.ZodType, io: "input" | "output" = "input"): object {
  return z.toJSONSchema(schema, { io, unrepresentable: "any" }) as object;
}

function queryParameters(schema: z.ZodType | undefined) {
  if (!schema) return [];
  const properties = (jsonSchema(schema) as { properties?: Record<string, object> }).properties ?? {};
  return Object.entries(properties).map(([name, property]) => ({ name, in: "query", required: false, schema: property }));
}

function pathParameters(path: string) {
  return [...path.matchAll(/\{(\w+)\}/g)].map((match) => ({ name: match[1], in: "path", required: true, schema: { type: "string" } }));
}

function operation(route: RouteDoc) {
  const status = String(route.status ?? 200);
  const errors = route.public ? {} : { "401": { $ref: "#/components/responses/Error" }, "403": { $ref: "#/components/responses/Error" }, "404": { $ref: "#/components/responses/Error" } };
  return {
    summary: route.summary,
    ...(route.permission ? { description: `Requires the \`${route.permission}\` permission.` } : {}),
    ...(route.public ? { security: [] } : {}),
    parameters: [...pathParameters(route.path), ...queryParameters(route.query)],
    ...(route.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(route.body) } } } } : {}),
    responses: {
      [status]: status === "204" ? { description: "No content" } : { description: "OK", content: { "application/json": { schema: { type: "object" } } } },
      ...(route.body ? { "422": { $ref: "#/components/responses/Error" }, "409": { $ref: "#/components/responses/Error" } } : {}),
      ...errors,
    },
  };
}

/** OpenAPI 3.1, generated from the Zod schemas the route handlers parse with. */
export function buildOpenApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, object>> = {};
  for (const route of ROUTES) (paths[route.path] ??= {})[route.method] = operation(route);
  return {
    openapi: "3.1.0",
    info: { title: "MCP Registry API", version: "1.0.0", description: "Servers, tools, IAM and audit. Authenticate with a registry API token (mcpr_…) or an Entra ID access token." },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "mcpr_… registry API token, or an Entra ID access token for api://{ENTRA_CLIENT_ID}/.default" } },
      responses: { Error: { description: "Error", content: { "application/json": { schema: errorSchema } } } },
    },
    paths,
  };
}
