import { randomUUID } from "node:crypto";
import { Hono } from "hono";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/error-response";
import { nodeIncoming } from "@/lib/http/node-incoming";
import { handleMcpRequest } from "@/lib/gateway/handle-mcp-request";
import { withAuth } from "@/lib/http/with-auth";
import { createScimApp, SCIM_BASE_PATH } from "@/lib/scim/create-scim-app";
import { publicRoutes } from "./public-routes";
import { API_ROUTES } from "./route-table";

// The same headers Next adds to pages (next.config.ts).
const SECURITY_HEADERS = [
  ["X-Content-Type-Options", "nosniff"],
  ["Referrer-Policy", "same-origin"],
  ["X-Frame-Options", "DENY"],
] as const;

/** `{slug}` → `:slug`; a trailing `{name*}` matches the rest of the path. */
export function toHonoPath(template: string): string {
  return template.replace(/\{(\w+)\*\}$/, "*").replace(/\{(\w+)\}/g, ":$1");
}

/**
 * The API application: every machine-facing route (/api/*, /mcp/*, /scim/v2/*, /v0.1/*,
 * /.well-known/oauth-protected-resource*) served from one route table. Production hands it those
 * paths directly (scripts/serve.ts); under `next dev` catch-all route handlers mount it
 * (lib/api/next-dev-mount.ts), so both run the same code.
 */
export function createApiApp(): Hono {
  const app = new Hono();
  app.use(async (c, next) => {
    await next();
    for (const [name, value] of SECURITY_HEADERS) c.res.headers.set(name, value);
  });
  // SCIM has its own pipeline, credential and error shape (lib/scim/with-scim-auth.ts).
  app.route(SCIM_BASE_PATH, createScimApp());
  const methodsByPath = new Map<string, string[]>();
  const remember = (path: string, method: string) =>
    methodsByPath.set(path, [...(methodsByPath.get(path) ?? []), method]);

  for (const route of publicRoutes) {
    app.get(toHonoPath(route.path), (c) => route.handler(c.req.raw));
    remember(toHonoPath(route.path), route.method);
  }
  for (const route of API_ROUTES) {
    const run = withAuth(route);
    const path = toHonoPath(route.path);
    app.on(route.method, path, (c) => run(c.req.raw, c.req.param() as Record<string, string>));
    remember(path, route.method);
  }
  // The MCP gateway (SPEC §5.1): it authenticates through the same choke point and answers its own 405s.
  app.all("/mcp/:slug", (c) => handleMcpRequest(c.req.raw, c.req.param("slug"), nodeIncoming(c.env)));
  // A known path with another method: 405 naming the allowed ones (RFC 9110 §15.5.6).
  for (const [path, methods] of methodsByPath) {
    const allow = [...new Set(methods.includes("GET") ? [...methods, "HEAD"] : methods)].join(", ");
    app.all(path, () => {
      const response = errorResponse(new AppError("method_not_allowed", `This route accepts ${allow}.`), randomUUID());
      response.headers.set("Allow", allow);
      return response;
    });
  }
  app.notFound(() => errorResponse(new AppError("not_found", "No such API route."), randomUUID()));
  app.onError((error) => errorResponse(error, randomUUID()));
  return app;
}

let shared: Hono | undefined;

/** The process's API application (built once: the route table is static). */
export function apiApp(): Hono {
  return (shared ??= createApiApp());
}
