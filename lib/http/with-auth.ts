import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { ApiRoute } from "@/lib/api/route-definition";
import { hasPermission, type EffectiveAccess } from "@/lib/access/effective-access";
import { resolveRequestPrincipal } from "@/lib/auth/resolve-request-principal";
import type { Principal } from "@/lib/auth/principal";
import { getConfig } from "@/lib/config";
import { getDb, dbReady, type Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { auditAuthFailure } from "./audit-auth-failure";
import { checkCsrf } from "./csrf";
import { errorResponse } from "./error-response";
import { parseBody, parseInput } from "./parse-input";
import { readAuthRequest } from "@/lib/auth/read-auth-request";

export interface HandlerArgs<Q = unknown, B = unknown, P = unknown> {
  /** `generation`: the IAM generation this request was authorized at (see lib/auth/iam-generation.ts). */
  ctx: { db: Db; principal: Principal; access: EffectiveAccess; requestId: string; generation: number };
  query: Q;
  body: B;
  params: P;
  request: Request;
}

export type RouteRunner = (request: Request, params: Record<string, string>) => Promise<Response>;

/**
 * The one pipeline every authenticated API route runs, built from its route-table row:
 * authenticate → CSRF (cookie writes) → permission → parse → handler → SPEC §6 errors.
 */
export function withAuth(route: ApiRoute): RouteRunner {
  return async (request, rawParams) => {
    const requestId = randomUUID();
    const db = getDb();
    let principal: Principal | null = null;
    let tokenFingerprint: string | undefined;
    try {
      await dbReady();
      const resolved = await resolveRequestPrincipal(db, readAuthRequest(request));
      principal = resolved.principal;
      tokenFingerprint = resolved.tokenFingerprint;
      if (principal.kind === "user" && principal.via === "session") checkCsrf(request);
      const ctx = { db, principal, access: resolved.access, requestId, generation: resolved.generation };
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
    } catch (error) {
      await auditAuthFailure(db, error, principal, requestId, request, tokenFingerprint);
      // RFC 9728 §5.1: every challenge names the metadata document, so a client can find where to get a token.
      return errorResponse(error, requestId, {
        resourceMetadata: `${getConfig().registryUrl}/.well-known/oauth-protected-resource`,
      });
    }
  };
}

function queryObject(url: string): Record<string, string> {
  const index = url.indexOf("?");
  return index < 0 ? {} : Object.fromEntries(new URLSearchParams(url.slice(index + 1)));
}
