import type { IncomingMessage, ServerResponse } from "node:http";
import { handleAuthorize } from "./authorize-endpoint";
import { instanceDiscovery, issuerTenant, openIdConfiguration } from "./discovery";
import { EntraError } from "./errors";
import { handleGraph } from "./graph-endpoints";
import { indexPage } from "./html";
import {
  BodyTooLargeError,
  type EmulatorContext,
  isLoopbackAddress,
  requestUrl,
  sendEntraError,
  sendHtml,
  sendJson,
  sendPublicJson,
} from "./http";
import { handleLogout } from "./logout-endpoint";
import { handleTokenRequest } from "./token-endpoint";
import { v2Issuer } from "./token-claims";

type Handler = (
  ctx: EmulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  tenant: string,
  url: URL,
) => void | Promise<void>;

/** Routes below `/{tenant}/`, keyed by "METHOD path". */
const TENANT_ROUTES: Record<string, Handler> = {
  "GET v2.0/.well-known/openid-configuration": (ctx, _req, res, t) =>
    sendPublicJson(res, openIdConfiguration(ctx.config, ctx.baseUrl, t, 2)),
  "GET .well-known/openid-configuration": (ctx, _req, res, t) =>
    sendPublicJson(res, openIdConfiguration(ctx.config, ctx.baseUrl, t, 1)),
  "GET discovery/v2.0/keys": (ctx, _req, res, t) =>
    sendPublicJson(res, ctx.keys.jwks(v2Issuer(issuerTenant(ctx.config, t)))),
  "GET discovery/keys": (ctx, _req, res, t) => {
    issuerTenant(ctx.config, t);
    sendPublicJson(res, ctx.keys.jwks());
  },
  "GET discovery/instance": (ctx, _req, res, t, url) => {
    if (t.toLowerCase() !== "common") return notFound(res);
    sendPublicJson(res, instanceDiscovery(ctx.baseUrl, url.searchParams));
  },
  "GET oauth2/v2.0/authorize": (ctx, req, res, t) => handleAuthorize(ctx, req, res, t),
  "POST oauth2/v2.0/authorize": (ctx, req, res, t) => handleAuthorize(ctx, req, res, t),
  "GET oauth2/v2.0/logout": (ctx, req, res, t) => handleLogout(ctx, req, res, t),
  "POST oauth2/v2.0/token": (ctx, req, res, t) => handleTokenRequest(ctx, req, res, t, "v2"),
  "POST oauth2/token": (ctx, req, res, t) => handleTokenRequest(ctx, req, res, t, "v1"),
};

function notFound(res: ServerResponse): void {
  sendJson(res, 404, { error: "not_found", error_description: "The emulator does not serve this path." });
}

async function emulatorRoute(
  ctx: EmulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  if (req.method === "GET" && path === "health")
    return sendJson(res, 200, { status: "ok", keys: ctx.keys.published.map((k) => k.kid) });
  if (req.method === "POST" && path === "rotate-keys") {
    // Rotation changes what every client trusts: only the local machine may trigger it.
    if (!isLoopbackAddress(req.socket.remoteAddress))
      return sendJson(res, 403, {
        error: "forbidden",
        error_description: "Key rotation is allowed from loopback only.",
      });
    await ctx.keys.rotate();
    return sendJson(res, 200, { current: ctx.keys.current.kid, published: ctx.keys.published.map((k) => k.kid) });
  }
  notFound(res);
}

export async function route(ctx: EmulatorContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const url = requestUrl(req);
    const [first = "", ...rest] = url.pathname.split("/").filter(Boolean);
    const path = rest.join("/");
    if (first === "" && req.method === "GET") return sendHtml(res, 200, indexPage(ctx.config, ctx.baseUrl));
    if (first === "_emulator") return await emulatorRoute(ctx, req, res, path);
    // Microsoft Graph, served at the emulator's root as graph.microsoft.com serves it (ENTRA_GRAPH_URL).
    if (first === "v1.0") return await handleGraph(ctx, req, res, decodeURIComponent(path), url);
    const handler = TENANT_ROUTES[`${req.method} ${path}`];
    if (handler) return await handler(ctx, req, res, decodeURIComponent(first), url);
    const otherMethod = Object.keys(TENANT_ROUTES).some((key) => key.endsWith(` ${path}`));
    if (otherMethod)
      return sendJson(res, 405, {
        error: "method_not_allowed",
        error_description: `${req.method} is not allowed here.`,
      });
    notFound(res);
  } catch (e) {
    if (res.headersSent) return void res.destroy();
    if (e instanceof EntraError) return sendEntraError(req, res, e);
    if (e instanceof BodyTooLargeError)
      return sendJson(res, 413, { error: "invalid_request", error_description: e.message });
    if (e instanceof URIError)
      return sendJson(res, 400, { error: "invalid_request", error_description: "Malformed URL." });
    console.error("entra-emulator: unexpected error", e);
    sendJson(res, 500, { error: "server_error", error_description: "The emulator failed to handle the request." });
  }
}
