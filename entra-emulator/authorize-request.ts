import type { EmulatorApp, EmulatorConfig, EmulatorTenant } from "./config";
import { findApp, findTenant } from "./directory";
import { EntraError, entraErrors } from "./errors";
import { isRegisteredRedirectUri } from "./redirect-uris";
import { type DelegatedScopes, parseDelegatedScopes, splitScopes } from "./scopes";

export type ResponseMode = "query" | "fragment" | "form_post";

/** Where an error may be sent back to: only a validated client's registered redirect URI. */
export interface ReplyTo {
  redirectUri: string;
  responseMode: ResponseMode;
  state?: string;
}

export interface AuthorizeRequest extends ReplyTo {
  tenant: EmulatorTenant;
  client: EmulatorApp;
  scopes: string[];
  resolvedScopes: DelegatedScopes;
  nonce?: string;
  codeChallenge?: string;
  codeChallengeMethod?: "S256" | "plain";
  loginHint?: string;
  /** The client asked for `client_info=1` in the response (MSAL does). */
  clientInfo: boolean;
}

export type AuthorizeValidation =
  /** The client or redirect URI cannot be trusted: show an error page, never redirect. */
  | { kind: "page"; error: EntraError; tenant?: EmulatorTenant }
  | { kind: "redirect"; error: EntraError; replyTo: ReplyTo; tenant: EmulatorTenant }
  | { kind: "ok"; request: AuthorizeRequest };

const RESPONSE_MODES: ResponseMode[] = ["query", "fragment", "form_post"];
const PKCE_CHALLENGE = /^[A-Za-z0-9._~-]{43,128}$/;

/** Validates authorize parameters in Entra's order: tenant, client, redirect URI, then the rest. */
export function validateAuthorizeRequest(
  config: EmulatorConfig,
  tenantSegment: string,
  params: URLSearchParams,
): AuthorizeValidation {
  const tenant = findTenant(config, tenantSegment);
  if (!tenant) return { kind: "page", error: entraErrors.tenantNotFound(tenantSegment) };
  const clientId = params.get("client_id");
  if (!clientId) return { kind: "page", error: entraErrors.missingParameter("client_id"), tenant };
  const client = findApp(tenant, clientId);
  if (!client) return { kind: "page", error: entraErrors.clientNotFound(clientId, tenant.id), tenant };
  const redirectUri = params.get("redirect_uri");
  if (!redirectUri) return { kind: "page", error: entraErrors.missingParameter("redirect_uri"), tenant };
  if (!isRegisteredRedirectUri(client.redirectUris, redirectUri))
    return { kind: "page", error: entraErrors.redirectUriNotRegistered(redirectUri, client.clientId), tenant };
  const mode = params.get("response_mode") ?? "query";
  if (!RESPONSE_MODES.includes(mode as ResponseMode))
    return {
      kind: "page",
      error: entraErrors.invalidParameter("response_mode", "Use query, fragment or form_post."),
      tenant,
    };

  const replyTo: ReplyTo = { redirectUri, responseMode: mode as ResponseMode, state: params.get("state") ?? undefined };
  const fail = (error: EntraError): AuthorizeValidation => ({ kind: "redirect", error, replyTo, tenant });
  const responseType = params.get("response_type");
  if (!responseType) return fail(entraErrors.missingParameter("response_type"));
  if (responseType !== "code") return fail(entraErrors.unsupportedResponseType(responseType));
  let resolvedScopes: DelegatedScopes;
  try {
    resolvedScopes = parseDelegatedScopes(tenant, client, params.get("scope"));
  } catch (e) {
    if (e instanceof EntraError) return fail(e);
    throw e;
  }
  const codeChallenge = params.get("code_challenge") ?? undefined;
  const method = params.get("code_challenge_method") ?? (codeChallenge ? "plain" : undefined);
  if (method !== undefined && method !== "S256" && method !== "plain")
    return fail(entraErrors.invalidParameter("code_challenge_method", "Supported values are S256 and plain."));
  if (codeChallenge !== undefined && !PKCE_CHALLENGE.test(codeChallenge))
    return fail(new EntraError("invalid_request", 501491, "Invalid size of Code_Challenge parameter."));
  if (params.get("prompt") === "none") return fail(entraErrors.loginRequired());

  return {
    kind: "ok",
    request: {
      ...replyTo,
      tenant,
      client,
      scopes: splitScopes(params.get("scope")),
      resolvedScopes,
      nonce: params.get("nonce") || undefined,
      codeChallenge,
      codeChallengeMethod: codeChallenge ? (method as "S256" | "plain") : undefined,
      loginHint: params.get("login_hint") ?? undefined,
      clientInfo: params.get("client_info") === "1",
    },
  };
}
