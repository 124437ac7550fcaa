import type { z } from "zod";
import type { ApiRoute } from "@/lib/api/route-definition";
import { hasPermission } from "@/lib/access/effective-access";
import { AppError } from "@/lib/errors";
import { authenticateRequest, type AuthenticatedRequest } from "./authenticate-request";
import { parseBody, parseInput } from "./parse-input";

export interface HandlerArgs<Q = unknown, B = unknown, P = unknown> {
  ctx: AuthenticatedRequest;
  query: Q;
  body: B;
  params: P;
  request: Request;
}

export type RouteRunner = (request: Request, params: Record<string, string>) => Promise<Response>;

/**
 * The one pipeline every authenticated API route runs, built from its route-table row:
 * authenticate (+ CSRF for cookie writes, errors and their audit: authenticateRequest) →
 * permission → parse → handler.
 */
export function withAuth(route: ApiRoute): RouteRunner {
  return (request, rawParams) =>
    authenticateRequest(request, async (ctx) => {
      if (route.permission && !route.permissionAfterVisibility && !hasPermission(ctx.access, route.permission)) {
        throw new AppError("forbidden", `This action needs the ${route.permission} permission.`, {
          reason: `missing ${route.permission}`,
        });
      }
      const params = parseInput(route.params, rawParams, "path");
      const query = parseInput(route.query, queryObject(request.url), "query");
      const body = route.body ? parseInput(route.body, await parseBody(request), "body") : undefined;
      return await route.handler({ ctx, query, body, params, request } as HandlerArgs<
        z.output<z.ZodType>,
        z.output<z.ZodType>,
        z.output<z.ZodType>
      >);
    });
}

function queryObject(url: string): Record<string, string> {
  const index = url.indexOf("?");
  return index < 0 ? {} : Object.fromEntries(new URLSearchParams(url.slice(index + 1)));
}
