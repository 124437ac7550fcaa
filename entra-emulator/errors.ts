import { randomUUID } from "node:crypto";

/** An OAuth error as Entra reports it: an `error` code, an AADSTS number and its message. */
export class EntraError extends Error {
  constructor(
    readonly error: string,
    readonly aadsts: number,
    readonly text: string,
    readonly status = 400,
  ) {
    super(`AADSTS${aadsts}: ${text}`);
  }
}

export interface EntraErrorBody {
  error: string;
  error_description: string;
  error_codes: number[];
  timestamp: string;
  trace_id: string;
  correlation_id: string;
  error_uri: string;
}

/** Entra's JSON error body; the description ends with the trace and correlation ids, as in Azure. */
export function errorBody(err: EntraError, correlationId: string = randomUUID()): EntraErrorBody {
  const traceId = randomUUID();
  const timestamp = new Date()
    .toISOString()
    .replace("T", " ")
    .replace(/\.\d+Z$/, "Z");
  return {
    error: err.error,
    error_description: `${err.message} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
    error_codes: [err.aadsts],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
    error_uri: `https://login.microsoftonline.com/error?code=${err.aadsts}`,
  };
}

export const entraErrors = {
  tenantNotFound: (tenant: string) =>
    new EntraError(
      "invalid_request",
      90002,
      `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`,
    ),
  missingParameter: (name: string) =>
    new EntraError("invalid_request", 900144, `The request body must contain the following parameter: '${name}'.`),
  invalidParameter: (name: string, detail = "") =>
    new EntraError(
      "invalid_request",
      90014,
      `The request parameter '${name}' is not valid.${detail ? ` ${detail}` : ""}`,
    ),
  clientNotFound: (clientId: string, tenant: string) =>
    new EntraError(
      "unauthorized_client",
      700016,
      `Application with identifier '${clientId}' was not found in the directory '${tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
    ),
  invalidSecret: (clientId: string) =>
    new EntraError(
      "invalid_client",
      7000215,
      `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`,
      401,
    ),
  missingSecret: () =>
    new EntraError(
      "invalid_client",
      7000218,
      "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
      401,
    ),
  unsupportedGrant: (grant: string) =>
    new EntraError("unsupported_grant_type", 70003, `The app requested an unsupported grant type '${grant}'.`),
  resourceNotFound: (resource: string, tenantName: string) =>
    new EntraError(
      "invalid_resource",
      500011,
      `The resource principal named ${resource} was not found in the tenant named ${tenantName}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`,
    ),
  scopeNotDefault: (scope: string) =>
    new EntraError(
      "invalid_scope",
      1002012,
      `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
    ),
  multipleResources: (scope: string) =>
    new EntraError(
      "invalid_scope",
      28000,
      `Provided value for the input parameter scope is not valid because it contains more than one resource. Scope ${scope} is not valid.`,
    ),
  scopeNotOnResource: (clientName: string, scope: string, resource: string) =>
    new EntraError(
      "invalid_client",
      650053,
      `The application '${clientName}' asked for scope '${scope}' that doesn't exist on the resource '${resource}'. Contact the app vendor.`,
    ),
  codeUnknown: () =>
    new EntraError(
      "invalid_grant",
      9002313,
      "Invalid request. Request is malformed or invalid. The provided authorization code is not valid.",
    ),
  codeExpired: () =>
    new EntraError(
      "invalid_grant",
      70008,
      "The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.",
    ),
  codeRedeemed: () =>
    new EntraError(
      "invalid_grant",
      54005,
      "OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.",
    ),
  codeOtherClient: () =>
    new EntraError(
      "invalid_grant",
      70000,
      "The request was denied because one or more grants are invalid. The authorization code was issued to another application or tenant.",
    ),
  verifierMissing: () =>
    new EntraError(
      "invalid_grant",
      50148,
      "The code_verifier does not match the code_challenge supplied in the authorization request for PKCE. The request did not include a code_verifier.",
    ),
  verifierMismatch: () =>
    new EntraError(
      "invalid_grant",
      501481,
      "The Code_Verifier does not match the code_challenge supplied in the authorization request.",
    ),
  redirectMismatch: () =>
    new EntraError(
      "invalid_grant",
      500112,
      "The reply address does not match the reply address provided when requesting Authorization code.",
    ),
  refreshTokenInvalid: () =>
    new EntraError(
      "invalid_grant",
      9002313,
      "Invalid request. Request is malformed or invalid. The provided refresh token is not valid, was already used or was issued to another application.",
    ),
  refreshTokenExpired: () =>
    new EntraError(
      "invalid_grant",
      700082,
      "The refresh token has expired due to inactivity. The token was issued a while ago and was inactive for the configured lifetime.",
    ),
  redirectUriNotRegistered: (redirectUri: string, clientId: string) =>
    new EntraError(
      "invalid_request",
      50011,
      `The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the application '${clientId}'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal.`,
    ),
  unsupportedResponseType: (type: string) =>
    new EntraError(
      "unsupported_response_type",
      700054,
      `response_type '${type}' is not enabled for the application. The emulator supports response_type=code.`,
    ),
  userNotFound: () =>
    new EntraError(
      "invalid_request",
      50034,
      "The user account does not exist in this directory. Choose one of the listed accounts.",
    ),
  loginRequired: () =>
    new EntraError(
      "login_required",
      50058,
      "A silent sign-in request was sent but no user is signed in. The emulator keeps no sign-in session; use an interactive prompt.",
    ),
};
