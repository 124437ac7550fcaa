/**
 * The one error type every layer throws. Route handlers never build error bodies themselves:
 * `toErrorResponse` (lib/http/error-response.ts) maps an AppError to status, headers and the
 * SPEC §6 wire shape. Anything that is not an AppError becomes a generic 500.
 */
export const ERROR_STATUS = {
  invalid_request: 400,
  unauthorized: 401,
  invalid_token: 401,
  forbidden: 403,
  client_not_registered: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  validation_failed: 422,
  /** The MCP gateway's upstream failed (refused, timed out, answered 5xx or not MCP). */
  bad_gateway: 502,
  temporarily_unavailable: 503,
  internal_error: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface RefusedActor {
  kind: string;
  id: string;
  name: string;
}

export interface FieldIssue {
  path: string;
  message: string;
}

/**
 * A process-wide brand. In production the same module can be loaded twice in one process (once
 * per Next bundle, once by the API application), so an AppError thrown by one copy is not an
 * `instanceof` the other copy's class. `Symbol.for` is shared by every copy.
 */
const APP_ERROR_BRAND = Symbol.for("mcp-registry.AppError");

export class AppError extends Error {
  readonly [APP_ERROR_BRAND] = true;
  readonly code: ErrorCode;
  readonly status: number;
  /** Field-level details for 422s; safe to show to the caller. */
  readonly fields?: FieldIssue[];
  /** Seconds, for 503 temporarily_unavailable. */
  readonly retryAfter?: number;
  /**
   * The exact internal reason (for logs and the audit log only, never the response body).
   * 401s carry one message for every cause; this is where the real cause lives.
   */
  readonly reason?: string;
  /**
   * Who was refused, when the caller is known although no principal was built (a verified Entra
   * token of a disabled or unlinked app): for the audit log only, never the response body.
   */
  readonly actor?: RefusedActor;
  /**
   * The fingerprint of the bearer token the request carried, set by the credential choke point
   * (lib/auth/credential.ts) when a failure follows reading it: for the log and audit log only.
   */
  tokenFingerprint?: string;

  constructor(
    code: ErrorCode,
    message: string,
    options: { fields?: FieldIssue[]; retryAfter?: number; reason?: string; actor?: RefusedActor } = {},
  ) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.fields = options.fields;
    this.retryAfter = options.retryAfter;
    this.reason = options.reason;
    this.actor = options.actor;
  }
}

export function isAppError(error: unknown): error is AppError {
  if (typeof error !== "object" || error === null || (error as Record<symbol, unknown>)[APP_ERROR_BRAND] !== true)
    return false;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" && Object.hasOwn(ERROR_STATUS, code);
}
