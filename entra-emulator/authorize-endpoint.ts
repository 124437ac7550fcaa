import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { type ReplyTo, validateAuthorizeRequest } from "./authorize-request";
import { USER_FIELD, signInPage } from "./authorize-page";
import { findUser } from "./directory";
import { type EntraError, entraErrors, errorBody } from "./errors";
import { errorPage, formPostPage } from "./html";
import { type EmulatorContext, readForm, redirect, requestUrl, sendHtml } from "./http";
import { clientInfo, randomId } from "./identifiers";
import { withResponseParams } from "./redirect-uris";

/**
 * `GET /{tenant}/oauth2/v2.0/authorize` shows the account picker; the picker POSTs back here
 * with the chosen account, and the emulator answers the client with a code.
 */
export async function handleAuthorize(
  ctx: EmulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  tenantSegment: string,
): Promise<void> {
  const params = req.method === "POST" ? await readForm(req) : requestUrl(req).searchParams;
  const validation = validateAuthorizeRequest(ctx.config, tenantSegment, params);
  if (validation.kind === "page") {
    sendHtml(res, 400, errorPage(validation.error, validation.tenant?.displayName));
    return;
  }
  if (validation.kind === "redirect") {
    replyWithError(res, validation.replyTo, validation.error);
    return;
  }
  const request = validation.request;
  const chosen = req.method === "POST" ? params.get(USER_FIELD) : null;
  if (!chosen) {
    sendHtml(res, 200, signInPage(request, params, `/${encodeURIComponent(tenantSegment)}/oauth2/v2.0/authorize`));
    return;
  }
  const user = findUser(request.tenant, chosen);
  if (!user) {
    replyWithError(res, request, entraErrors.userNotFound());
    return;
  }
  const code = ctx.grants.issueCode({
    tenantId: request.tenant.id,
    clientId: request.client.clientId,
    userObjectId: user.objectId,
    redirectUri: request.redirectUri,
    scopes: request.scopes,
    nonce: request.nonce,
    codeChallenge: request.codeChallenge,
    codeChallengeMethod: request.codeChallengeMethod,
  });
  reply(res, request, {
    code,
    ...(request.state !== undefined ? { state: request.state } : {}),
    ...(request.clientInfo ? { client_info: clientInfo(user.objectId, request.tenant.id) } : {}),
    session_state: randomUUID(),
  });
}

function replyWithError(res: ServerResponse, replyTo: ReplyTo, error: EntraError): void {
  const body = errorBody(error);
  reply(res, replyTo, {
    error: body.error,
    error_description: body.error_description,
    error_uri: body.error_uri,
    ...(replyTo.state !== undefined ? { state: replyTo.state } : {}),
  });
}

function reply(res: ServerResponse, replyTo: ReplyTo, fields: Record<string, string>): void {
  if (replyTo.responseMode === "form_post") {
    const nonce = randomId(16);
    sendHtml(res, 200, formPostPage(replyTo.redirectUri, fields, nonce), nonce);
    return;
  }
  redirect(res, withResponseParams(replyTo.redirectUri, replyTo.responseMode, fields));
}
