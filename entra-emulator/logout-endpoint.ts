import type { IncomingMessage, ServerResponse } from "node:http";
import { findTenant } from "./directory";
import { entraErrors } from "./errors";
import { errorPage, signedOutPage } from "./html";
import { type EmulatorContext, redirect, requestUrl, sendHtml } from "./http";
import { isLoopbackHttpUrl, withResponseParams } from "./redirect-uris";

/**
 * `GET /{tenant}/oauth2/v2.0/logout`. The emulator keeps no session, so signing out only
 * navigates: to `post_logout_redirect_uri` when it is a loopback URL or a redirect URI
 * registered in the tenant (never an arbitrary site), else to a signed-out page.
 */
export function handleLogout(
  ctx: EmulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  tenantSegment: string,
): void {
  const params = requestUrl(req).searchParams;
  const tenant = findTenant(ctx.config, tenantSegment);
  if (!tenant && !["common", "organizations"].includes(tenantSegment.toLowerCase())) {
    sendHtml(res, 400, errorPage(entraErrors.tenantNotFound(tenantSegment)));
    return;
  }
  const target = params.get("post_logout_redirect_uri");
  const registered = tenant?.apps.some((a) => a.redirectUris.includes(target ?? "")) ?? false;
  if (target && (isLoopbackHttpUrl(target) || registered)) {
    const state = params.get("state");
    redirect(res, state ? withResponseParams(target, "query", { state }) : target);
    return;
  }
  sendHtml(res, 200, signedOutPage(tenant?.displayName ?? ""));
}
