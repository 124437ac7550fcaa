import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { hasPermission, type EffectiveAccess } from "@/lib/access/effective-access";
import type { Permission } from "@/lib/access/permissions";
import { resolveRequestPrincipal } from "@/lib/auth/resolve-request-principal";
import type { Principal } from "@/lib/auth/principal";
import { getDb, dbReady, type Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { auditAuthFailure } from "./audit-auth-failure";
import { checkCsrf } from "./csrf";
import { errorResponse } from "./error-response";
import { parseBody, parseInput } from "./parse-input";
import { readAuthRequest } from "./read-auth-request";

export interface HandlerArgs<Q, B, P> {
  /** `generation`: the IAM generation this request was authorized at (see lib/auth/iam-generation.ts). */
  ctx: { db: Db; principal: Principal; access: EffectiveAccess; requestId: string; generation: number };
  query: Q;
  body: B;
  params: P;
  request: Request;
}

interface Options<Q extends z.ZodType, B extends z.ZodType, P extends z.ZodType> {
  permission?: Permission;
  query?: Q;
  body?: B;
  params?: P;
}

type RouteContext = { params: Promise<Record<string, string | string[]>> };

/**
 * The one wrapper every API route uses: authenticate → authorize → parse → call → map errors.
 * Handlers return a Response (see lib/http/json.ts).
 */
export function withAuth<Q extends z.ZodType = z.ZodUndefined, B extends z.ZodType = z.ZodUndefined, P extends z.ZodType = z.ZodUndefined>(
  handler: (args: HandlerArgs<z.output<Q>, z.output<B>, z.output<P>>) => Promise<Response>,
  options: Options<Q, B, P> = {},
) {
  return async (request: Request, route: RouteContext): Promise<Response> => {
    const requestId = randomUUID();
    const db = getDb();
    let principal: Principal | null = null;
    try {
      await dbReady();
      const resolved = await resolveRequestPrincipal(db, readAuthRequest(request));
      principal = resolved.principal;
      if (principal.kind === "user" && principal.via === "session") checkCsrf(request);
      const ctx = { db, principal, access: resolved.access, requestId, generation: resolved.generation };
      if (options.permission && !hasPermission(ctx.access, options.permission)) {
        throw new AppError("forbidden", `This action needs the ${options.permission} permission.`, { reason: `missing ${options.permission}` });
      }
      const params = parseInput(options.params, await route.params, "path");
      const query = parseInput(options.query, Object.fromEntries(new URL(request.url).searchParams), "query");
      const body = options.body ? parseInput(options.body, await parseBody(request), "body") : undefined;
      return await handler({ ctx, query, body, params, request } as HandlerArgs<z.output<Q>, z.output<B>, z.output<P>>);
    } catch (error) {
      await auditAuthFailure(db, error, principal, requestId, request);
      return errorResponse(error, requestId);
    }
  };
}
