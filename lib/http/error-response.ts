import { AppError, isAppError } from "@/lib/errors";
import { log } from "@/lib/log";

const REALM = 'Bearer realm="mcp-registry"';

/**
 * Prisma's unique-constraint violation. Creates check for a duplicate first, but two concurrent
 * creates can both pass that check; the loser hits the constraint and must get 409, not 500.
 */
function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

export interface ErrorResponseOptions {
  /**
   * RFC 9728: a protected resource's 401/400 challenges name its metadata document, so an MCP
   * client can discover where to get a token (the MCP gateway sets this).
   */
  resourceMetadata?: string;
}

/** The SPEC §6 wire shape for an error, with its status and headers. */
export function errorResponse(error: unknown, requestId: string, options: ErrorResponseOptions = {}): Response {
  const appError = isAppError(error)
    ? error
    : isUniqueViolation(error)
      ? new AppError("conflict", "This conflicts with a record that was just created or changed. Reload and try again.")
      : new AppError(
          "internal_error",
          "Something went wrong on our side. Try again; if it persists, report the request id.",
        );
  if (appError.code === "internal_error" && !isAppError(error))
    log.error("unhandled error", {
      requestId,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });

  const headers = new Headers({ "Cache-Control": "no-store", "Content-Type": "application/json" });
  const metadata = options.resourceMetadata ? `, resource_metadata="${options.resourceMetadata}"` : "";
  if (appError.code === "unauthorized") headers.set("WWW-Authenticate", `${REALM}${metadata}`);
  if (appError.code === "invalid_request")
    headers.set("WWW-Authenticate", `${REALM}, error="invalid_request"${metadata}`);
  if (appError.code === "invalid_token") headers.set("WWW-Authenticate", `${REALM}, error="invalid_token"${metadata}`);
  if (appError.retryAfter !== undefined) headers.set("Retry-After", String(appError.retryAfter));

  const body: Record<string, unknown> = { code: appError.code, message: appError.message };
  if (appError.fields) body.fields = appError.fields;
  return new Response(JSON.stringify({ error: body, requestId }), { status: appError.status, headers });
}
