import { z } from "zod";
import type { ApiRoute } from "@/lib/api/route-definition";
import { publicRoutes, type PublicRoute } from "@/lib/api/public-routes";
import { API_ROUTES } from "@/lib/api/route-table";

type RouteDoc = Pick<ApiRoute, "method" | "path" | "summary" | "permission" | "query" | "body" | "status"> & {
  public?: boolean;
};

const errorSchema = {
  type: "object",
  required: ["error", "requestId"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string" },
        message: { type: "string" },
        fields: {
          type: "array",
          items: { type: "object", properties: { path: { type: "string" }, message: { type: "string" } } },
        },
      },
    },
    requestId: { type: "string" },
  },
};

function jsonSchema(schema: z.ZodType, io: "input" | "output" = "input"): object {
  return z.toJSONSchema(schema, { io, unrepresentable: "any" }) as object;
}

function queryParameters(schema: z.ZodType | undefined) {
  if (!schema) return [];
  const properties = (jsonSchema(schema) as { properties?: Record<string, object> }).properties ?? {};
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: "query",
    required: false,
    schema: property,
  }));
}

function documentedPath(path: string): string {
  return path.replace(/\{(\w+)\*\}/g, "{$1}");
}

function pathParameters(path: string) {
  return [...documentedPath(path).matchAll(/\{(\w+)\}/g)].map((match) => ({
    name: match[1],
    in: "path",
    required: true,
    schema: { type: "string" },
  }));
}

function operation(route: RouteDoc) {
  const status = String(route.status ?? 200);
  const errors = route.public
    ? {}
    : {
        "401": { $ref: "#/components/responses/Error" },
        "403": { $ref: "#/components/responses/Error" },
        "404": { $ref: "#/components/responses/Error" },
      };
  return {
    summary: route.summary,
    ...(route.permission ? { description: `Requires the \`${route.permission}\` permission.` } : {}),
    ...(route.public ? { security: [] } : {}),
    parameters: [...pathParameters(route.path), ...queryParameters(route.query)],
    ...(route.body
      ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(route.body) } } } }
      : {}),
    responses: {
      [status]:
        status === "204"
          ? { description: "No content" }
          : { description: "OK", content: { "application/json": { schema: { type: "object" } } } },
      ...(route.body
        ? { "422": { $ref: "#/components/responses/Error" }, "409": { $ref: "#/components/responses/Error" } }
        : {}),
      ...errors,
    },
  };
}

function publicDoc(route: PublicRoute): RouteDoc {
  return { method: route.method, path: route.path, summary: route.summary, public: true };
}

/** OpenAPI 3.1, generated from the route table: the same rows and Zod schemas the pipeline parses with. */
export function buildOpenApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, object>> = {};
  for (const route of [...API_ROUTES, ...publicRoutes.map(publicDoc)]) {
    (paths[documentedPath(route.path)] ??= {})[route.method.toLowerCase()] = operation(route);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "MCP Registry API",
      version: "1.0.0",
      description:
        "Servers, tools, IAM and audit. Authenticate with a registry API token (mcpr_…) or an Entra ID access token.",
    },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: {
        bearer: {
          type: "http",
          scheme: "bearer",
          description: "mcpr_… registry API token, or an Entra ID access token for api://{ENTRA_CLIENT_ID}/.default",
        },
      },
      responses: { Error: { description: "Error", content: { "application/json": { schema: errorSchema } } } },
    },
    paths,
  };
}
