import { dispatch, type Method } from "./routes";

export const REGISTRY_ORIGIN = "http://localhost:3999";

/**
 * How a test request authenticates. A session sends the `registry_session` cookie and, on
 * writes, `Sec-Fetch-Site: same-origin` unless `csrf` says otherwise.
 */
export type Credential =
  { bearer: string } | { session: string; csrf?: "same-origin" | "origin" | "none" | "cross-site" } | null;

export interface CallOptions {
  params?: Record<string, string>;
  /** Appended to the path as-is, e.g. `?limit=2`. */
  query?: string | Record<string, string>;
  body?: unknown;
  /** Sent verbatim instead of `JSON.stringify(body)`. */
  rawBody?: string;
  as?: Credential;
  /** Extra headers, appended after the credential's (so two Authorization values join). */
  headers?: [string, string][];
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
  // Response bodies are asserted field by field; `any` keeps those assertions readable.
  json: any;
}

const WRITE_METHODS = new Set(["POST", "PATCH", "PUT", "DELETE"]);

export function fillPath(template: string, params: Record<string, string> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path param ${name} for ${template}`);
    return encodeURIComponent(value);
  });
}

export function buildRequest(method: Method, template: string, options: CallOptions = {}): Request {
  const query =
    typeof options.query === "object" ? `?${new URLSearchParams(options.query).toString()}` : (options.query ?? "");
  const headers = new Headers();
  const credential = options.as ?? null;
  if (credential && "bearer" in credential) headers.append("authorization", `Bearer ${credential.bearer}`);
  if (credential && "session" in credential) {
    headers.append("cookie", `registry_session=${credential.session}`);
    const csrf = credential.csrf ?? "same-origin";
    if (WRITE_METHODS.has(method) && csrf === "same-origin") headers.set("sec-fetch-site", "same-origin");
    if (WRITE_METHODS.has(method) && csrf === "origin") headers.set("origin", REGISTRY_ORIGIN);
    if (csrf === "cross-site") {
      headers.set("sec-fetch-site", "cross-site");
      headers.set("origin", "https://evil.example");
    }
  }
  for (const [name, value] of options.headers ?? []) headers.append(name, value);
  let body: string | undefined = options.rawBody;
  if (body === undefined && options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers.set("content-type", "application/json");
  return new Request(`${REGISTRY_ORIGIN}${fillPath(template, options.params)}${query}`, { method, headers, body });
}

/** Calls the API application in-process and reads the whole answer. */
export async function call(method: Method, template: string, options: CallOptions = {}): Promise<ApiResponse> {
  const request = buildRequest(method, template, options);
  const response = await dispatch(request);
  const text = await response.text();
  let json: unknown;
  try {
    json = text.length > 0 ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** Calls and asserts the status, showing the body when it differs. */
export async function expectStatus(
  status: number,
  method: Method,
  template: string,
  options: CallOptions = {},
): Promise<ApiResponse> {
  const response = await call(method, template, options);
  if (response.status !== status) {
    throw new Error(
      `${method} ${fillPath(template, options.params)}: expected ${status}, got ${response.status}: ${response.text.slice(0, 500)}`,
    );
  }
  return response;
}
