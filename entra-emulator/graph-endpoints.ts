import type { IncomingMessage, ServerResponse } from "node:http";
import type { EmulatorApp, EmulatorTenant } from "./config";
import { findTenant, GRAPH_APP_ID } from "./directory";
import { BodyTooLargeError, type EmulatorContext, sendJson } from "./http";
import { deterministicGuid, servicePrincipalObjectId } from "./identifiers";

/** The Graph audiences Entra puts in tokens for Microsoft Graph. */
const GRAPH_AUDIENCES = new Set([GRAPH_APP_ID, "https://graph.microsoft.com", "https://graph.microsoft.com/"]);
const READ_APPS = ["Application.Read.All", "Application.ReadWrite.All", "Directory.Read.All"];
const READ_MEMBERSHIPS = ["GroupMember.Read.All", "Group.Read.All", "Directory.Read.All"];
const DAY_MS = 86_400_000;

function graphError(res: ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { error: { code, message, innerError: { date: new Date().toISOString() } } });
}

interface GraphCaller {
  tenant: EmulatorTenant;
  permissions: string[];
}

/**
 * Checks a Graph bearer token the way a test double may: no signature check, but it must be a
 * live app-only token for Microsoft Graph from a tenant of this emulator.
 */
function graphCaller(req: IncomingMessage, res: ServerResponse, ctx: EmulatorContext): GraphCaller | null {
  const header = req.headers.authorization ?? "";
  const token = /^Bearer (\S+)$/i.exec(header)?.[1];
  if (!token) return (void graphError(res, 401, "InvalidAuthenticationToken", "Access token is empty."), null);
  let claims: Record<string, unknown>;
  try {
    claims = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8"));
  } catch {
    return (void graphError(res, 401, "InvalidAuthenticationToken", "IDX14100: JWT is not well formed."), null);
  }
  if (typeof claims.aud !== "string" || !GRAPH_AUDIENCES.has(claims.aud))
    return (void graphError(res, 401, "InvalidAuthenticationToken", "Invalid audience."), null);
  const tenant = typeof claims.tid === "string" ? findTenant(ctx.config, claims.tid) : undefined;
  if (!tenant) return (void graphError(res, 401, "InvalidAuthenticationToken", "Invalid tenant."), null);
  if (typeof claims.exp !== "number" || claims.exp * 1000 <= Date.now())
    return (
      void graphError(res, 401, "InvalidAuthenticationToken", "Lifetime validation failed, the token is expired."),
      null
    );
  const roles = Array.isArray(claims.roles) ? claims.roles.filter((r): r is string => typeof r === "string") : [];
  return { tenant, permissions: roles };
}

function permitted(res: ServerResponse, caller: GraphCaller, anyOf: string[]): boolean {
  if (anyOf.some((permission) => caller.permissions.includes(permission))) return true;
  graphError(res, 403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
  return false;
}

async function drain(req: IncomingMessage): Promise<void> {
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 64 * 1024) throw new BodyTooLargeError("request body too large");
  }
}

function credentials(
  list: EmulatorApp["passwordCredentials"],
  kind: "password" | "key",
  tenantId: string,
  clientId: string,
) {
  return list.map((c, i) => ({
    keyId: deterministicGuid(kind, tenantId, clientId, String(i)),
    displayName: c.displayName ?? null,
    endDateTime: c.endDateTime ?? new Date(Date.now() + (c.expiresInDays ?? 0) * DAY_MS).toISOString(),
    ...(kind === "key" ? { type: "AsymmetricX509Cert", usage: "Verify" } : {}),
  }));
}

function selected(object: Record<string, unknown>, url: URL): Record<string, unknown> {
  const select = url.searchParams.get("$select");
  if (!select) return object;
  const wanted = new Set(
    select
      .split(",")
      .map((s) => s.trim())
      .concat("id"),
  );
  return Object.fromEntries(Object.entries(object).filter(([key]) => wanted.has(key)));
}

const BY_APP_ID = /^(applications|servicePrincipals)\(appId='([0-9a-fA-F-]{36})'\)$/;
const MEMBER_OBJECTS = /^(users|servicePrincipals)\/([0-9a-fA-F-]{36})\/getMemberObjects$/;

/** The few Microsoft Graph v1.0 calls the registry makes, below `/v1.0/`. */
export async function handleGraph(
  ctx: EmulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  url: URL,
): Promise<void> {
  const byAppId = BY_APP_ID.exec(path);
  const members = MEMBER_OBJECTS.exec(path);
  if (!byAppId && !members)
    return graphError(res, 400, "BadRequest", `Resource not found for the segment '${path.split("/")[0]}'.`);
  if (byAppId && req.method !== "GET") return graphError(res, 405, "Request_BadRequest", "Method not allowed.");
  if (members && req.method !== "POST") return graphError(res, 405, "Request_BadRequest", "Method not allowed.");
  const caller = graphCaller(req, res, ctx);
  if (!caller) return;
  const { tenant } = caller;

  if (byAppId) {
    if (!permitted(res, caller, READ_APPS)) return;
    const [, collection, appId] = byAppId;
    const app = tenant.apps.find((a) => a.clientId.toLowerCase() === appId!.toLowerCase());
    if (!app)
      return graphError(
        res,
        404,
        "Request_ResourceNotFound",
        `Resource '${appId}' does not exist or one of its queried reference-property objects are not present.`,
      );
    const object =
      collection === "applications"
        ? {
            id: deterministicGuid("application", tenant.id, app.clientId),
            appId: app.clientId,
            displayName: app.displayName,
            passwordCredentials: credentials(app.passwordCredentials, "password", tenant.id, app.clientId),
            keyCredentials: credentials(app.keyCredentials, "key", tenant.id, app.clientId),
          }
        : {
            id: servicePrincipalObjectId(tenant.id, app),
            appId: app.clientId,
            displayName: app.displayName,
            servicePrincipalType: "Application",
          };
    return sendJson(res, 200, {
      "@odata.context": `https://graph.microsoft.com/v1.0/$metadata#${collection}/$entity`,
      ...selected(object, url),
    });
  }

  await drain(req);
  if (!permitted(res, caller, READ_MEMBERSHIPS)) return;
  const [, collection, id] = members!;
  const wanted = id!.toLowerCase();
  const groups =
    collection === "users"
      ? tenant.users.find((u) => u.objectId.toLowerCase() === wanted)?.groups
      : tenant.apps.find((a) => servicePrincipalObjectId(tenant.id, a).toLowerCase() === wanted)?.groups;
  if (!groups)
    return graphError(
      res,
      404,
      "Request_ResourceNotFound",
      `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
    );
  sendJson(res, 200, {
    "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#Collection(Edm.String)",
    value: groups,
  });
}
