import * as audit from "@/app/api/audit/route";
import * as explain from "@/app/api/iam/explain/route";
import * as group from "@/app/api/iam/groups/[name]/route";
import * as groups from "@/app/api/iam/groups/route";
import * as m2mAccount from "@/app/api/iam/m2m-accounts/[id]/route";
import * as m2mAccounts from "@/app/api/iam/m2m-accounts/route";
import * as user from "@/app/api/iam/users/[id]/route";
import * as users from "@/app/api/iam/users/route";
import * as me from "@/app/api/me/route";
import * as serverTools from "@/app/api/servers/[slug]/tools/route";
import * as server from "@/app/api/servers/[slug]/route";
import * as servers from "@/app/api/servers/route";
import * as tokenRotate from "@/app/api/tokens/[id]/rotate/route";
import * as token from "@/app/api/tokens/[id]/route";
import * as tokens from "@/app/api/tokens/route";
import * as tools from "@/app/api/tools/route";

export const METHODS = ["GET", "POST", "PATCH", "PUT", "DELETE"] as const;
export type Method = (typeof METHODS)[number];

export type RouteHandler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

/** Every authenticated API route module, by its path template (`{param}` for `[param]`). */
export const ROUTE_MODULES: Record<string, Partial<Record<Method, RouteHandler>>> = {
  "/api/audit": audit,
  "/api/iam/explain": explain,
  "/api/iam/groups": groups,
  "/api/iam/groups/{name}": group,
  "/api/iam/m2m-accounts": m2mAccounts,
  "/api/iam/m2m-accounts/{id}": m2mAccount,
  "/api/iam/users": users,
  "/api/iam/users/{id}": user,
  "/api/me": me,
  "/api/servers": servers,
  "/api/servers/{slug}": server,
  "/api/servers/{slug}/tools": serverTools,
  "/api/tokens": tokens,
  "/api/tokens/{id}": token,
  "/api/tokens/{id}/rotate": tokenRotate,
  "/api/tools": tools,
};

export function routeHandler(method: Method, template: string): RouteHandler {
  const handler = ROUTE_MODULES[template]?.[method];
  if (!handler) throw new Error(`no route ${method} ${template}`);
  return handler;
}
