/** A failed API call, carrying the SPEC §6 error body. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: { path: string; message: string }[] = [],
    readonly requestId?: string,
  ) {
    super(message);
    this.name = "ApiRequestError";
  }
}

const GENERIC: Record<number, string> = {
  401: "Your session has ended. Sign in again, then retry.",
  403: "You do not have permission to do this. Ask an admin for access.",
  404: "It no longer exists — it may have been deleted. Refresh the page.",
  409: "This conflicts with an existing item or a newer change. Refresh and try again.",
  503: "The service is temporarily unavailable. Wait a moment and retry.",
};

/**
 * `fetch` to the same-origin JSON API (cookies included). Resolves to the parsed body (or null
 * for 204); rejects with ApiRequestError whose message is safe to show.
 */
export async function apiRequest<T = unknown>(
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE",
  path: string,
  body?: unknown,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: "same-origin",
      headers:
        body === undefined
          ? { Accept: "application/json" }
          : { Accept: "application/json", "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiRequestError(0, "network_error", "Could not reach the server. Check your connection and retry.");
  }
  if (response.status === 204) return null as T;
  const data: unknown = await response.json().catch(() => null);
  if (response.ok) return data as T;
  const error = (
    data as {
      error?: { code?: string; message?: string; fields?: { path: string; message: string }[] };
      requestId?: string;
    } | null
  )?.error;
  const message =
    error?.message ??
    GENERIC[response.status] ??
    `The request failed (HTTP ${response.status}). Retry; if it persists, report it.`;
  throw new ApiRequestError(
    response.status,
    error?.code ?? "unknown",
    message,
    error?.fields ?? [],
    (data as { requestId?: string } | null)?.requestId,
  );
}

/** Error text for a toast or inline alert. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiRequestError)
    return error.requestId && error.status >= 500 ? `${error.message} (request ${error.requestId})` : error.message;
  return "Something went wrong. Retry; if it persists, reload the page.";
}
