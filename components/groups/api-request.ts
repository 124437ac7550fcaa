/** The SPEC §6 error shape as the browser receives it. */
export interface ApiError {
  status: number;
  code: string;
  message: string;
  fields: { path: string; message: string }[];
  requestId?: string;
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/**
 * Same-origin JSON call from a client component. The session cookie rides along and the
 * browser's Sec-Fetch-Site header satisfies the API's CSRF check. Never throws.
 */
export async function apiRequest<T>(method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE", url: string, body?: unknown): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      credentials: "same-origin",
      headers: body === undefined ? { Accept: "application/json" } : { Accept: "application/json", "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { ok: false, error: { status: 0, code: "network_error", message: "The registry could not be reached. Check your connection and try again.", fields: [] } };
  }
  if (response.status === 204) return { ok: true, data: undefined as T };
  const payload = (await response.json().catch(() => null)) as unknown;
  if (response.ok) return { ok: true, data: payload as T };
  return { ok: false, error: toApiError(response.status, payload) };
}

function toApiError(status: number, payload: unknown): ApiError {
  const wire = (payload ?? {}) as { error?: { code?: string; message?: string; fields?: { path: string; message: string }[] }; requestId?: string };
  const fallback =
    status === 401 ? "Your session has ended. Sign in again and retry." : status === 403 ? "You do not have permission for this action." : `The registry answered ${status}. Try again.`;
  return {
    status,
    code: wire.error?.code ?? "unknown",
    message: wire.error?.message ?? fallback,
    fields: wire.error?.fields ?? [],
    requestId: wire.requestId,
  };
}

/** Field errors keyed by dotted path ("entraMappings.groups.0"), from the API or from Zod. */
export type FieldErrors = Record<string, string>;

export function toFieldErrors(fields: { path: string; message: string }[]): FieldErrors {
  const result: FieldErrors = {};
  for (const field of fields) result[field.path] ??= field.message;
  return result;
}

export function zodFieldErrors(issues: { path: PropertyKey[]; message: string }[]): FieldErrors {
  return toFieldErrors(issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message })));
}

/** The first error under a path prefix ("serverAccess.2" matches "serverAccess.2.tools.0"). */
export function errorUnder(errors: FieldErrors, prefix: string): string | undefined {
  if (errors[prefix]) return errors[prefix];
  const key = Object.keys(errors).find((path) => path.startsWith(`${prefix}.`));
  return key ? errors[key] : undefined;
}
