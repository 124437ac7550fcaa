import { randomUUID } from "node:crypto";
import { Hono } from "hono";
import { ScimError } from "./scim-error";
import { scimErrorResponse } from "./scim-response";
import { SCIM_ROUTES } from "./scim-routes";
import { withScimAuth } from "./with-scim-auth";

export const SCIM_BASE_PATH = "/scim/v2";

/** /scim/v2, mounted by the API application; every answer, errors included, is SCIM-shaped. */
export function createScimApp(): Hono {
  const app = new Hono();
  const methodsByPath = new Map<string, string[]>();
  for (const route of SCIM_ROUTES) {
    const run = withScimAuth(route.handler);
    app.on(route.method, route.path, (c) => run(c.req.raw, c.req.param() as Record<string, string>));
    methodsByPath.set(route.path, [...(methodsByPath.get(route.path) ?? []), route.method]);
  }
  for (const [path, methods] of methodsByPath) {
    app.all(path, () => {
      const response = scimErrorResponse(
        new ScimError(405, `This endpoint accepts ${methods.join(", ")}.`),
        randomUUID(),
      );
      response.headers.set("Allow", methods.join(", "));
      return response;
    });
  }
  app.all("*", () =>
    scimErrorResponse(
      new ScimError(
        404,
        "No such SCIM endpoint: use /Users, /Groups, /ServiceProviderConfig, /ResourceTypes or /Schemas.",
      ),
      randomUUID(),
    ),
  );
  return app;
}
