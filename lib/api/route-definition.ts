import type { z } from "zod";
import type { Permission } from "@/lib/access/permissions";
import type { HandlerArgs } from "@/lib/http/with-auth";

export type HttpMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

/**
 * One row of the API application's route table (lib/api/route-table.ts). The same row drives
 * the request pipeline (`withAuth`: authenticate → CSRF → permission → parse → handler → errors)
 * and the OpenAPI document, so nothing about a route is declared twice.
 */
export interface ApiRoute<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
> {
  method: HttpMethod;
  /** OpenAPI-style template: `/api/servers/{slug}`. */
  path: string;
  summary: string;
  /**
   * The permission the route needs: documented in OpenAPI and checked early by the pipeline (a
   * 403 before the body is parsed). The operation the handler calls checks it again itself, so
   * a page or script calling it directly is held to the same rule.
   */
  permission?: Permission;
  /**
   * SPEC §3: visibility comes before permission. On writes to one server the operation checks
   * visibility first (404) and then `permission` (403) (lib/servers/require-writable-server.ts),
   * so the pipeline must not answer 403 before it.
   */
  permissionAfterVisibility?: true;
  params?: P;
  query?: Q;
  body?: B;
  /** Success status, for the document (default 200). */
  status?: number;
  handler: (args: HandlerArgs<z.output<Q>, z.output<B>, z.output<P>>) => Promise<Response>;
}

/** Keeps the handler's argument types tied to the route's own schemas. */
export function defineRoute<
  P extends z.ZodType = z.ZodUndefined,
  Q extends z.ZodType = z.ZodUndefined,
  B extends z.ZodType = z.ZodUndefined,
>(route: ApiRoute<P, Q, B>): ApiRoute {
  return route as unknown as ApiRoute;
}
