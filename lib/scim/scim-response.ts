import { isAppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { isScimError } from "./scim-error";

export const SCIM_CONTENT_TYPE = "application/scim+json";
export const ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";
export const LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

export function scimJson(data: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(data), {
    status,
    headers: { "Content-Type": SCIM_CONTENT_TYPE, "Cache-Control": "no-store", ...headers },
  });
}

export function scimNoContent(): Response {
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
}

export function listResponse(resources: unknown[], totalResults: number, startIndex: number) {
  return { schemas: [LIST_SCHEMA], totalResults, startIndex, itemsPerPage: resources.length, Resources: resources };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/** Every failure on /scim/v2 in SCIM's wire shape; internal text never reaches the client. */
export function scimErrorResponse(error: unknown, requestId: string): Response {
  let status: number;
  let detail: string;
  let scimType: string | undefined;
  if (isScimError(error)) ({ status, detail, scimType } = error);
  else if (isAppError(error)) {
    status = error.status;
    detail = error.message;
    if (error.status === 409) scimType = "uniqueness";
  } else if (isUniqueViolation(error)) {
    [status, detail, scimType] = [
      409,
      "This conflicts with a resource that was just created or changed.",
      "uniqueness",
    ];
  } else {
    log.error("unhandled error", {
      requestId,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
    [status, detail] = [
      500,
      `Something went wrong on our side. Try again; if it persists, report request id ${requestId}.`,
    ];
  }
  const headers: Record<string, string> =
    status === 401 ? { "WWW-Authenticate": 'Bearer realm="mcp-registry-scim"' } : {};
  return scimJson(
    { schemas: [ERROR_SCHEMA], status: String(status), ...(scimType ? { scimType } : {}), detail },
    status,
    headers,
  );
}
