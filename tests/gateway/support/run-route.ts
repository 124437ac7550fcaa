import type { ApiRoute } from "@/lib/api/route-definition";
import { withAuth } from "@/lib/http/with-auth";

export type As = { bearer: string } | { session: string };

/** Runs one route row through the API pipeline (withAuth), the way the API application does. */
export async function runRoute(
  routes: ApiRoute[],
  method: string,
  path: string,
  options: { as: As; params?: Record<string, string>; query?: string; body?: unknown },
) {
  const route = routes.find((candidate) => candidate.method === method && candidate.path === path);
  if (!route) throw new Error(`no route ${method} ${path}`);
  const headers = new Headers();
  if ("bearer" in options.as) headers.set("authorization", `Bearer ${options.as.bearer}`);
  else {
    headers.set("cookie", `registry_session=${options.as.session}`);
    headers.set("sec-fetch-site", "same-origin");
  }
  if (options.body !== undefined) headers.set("content-type", "application/json");
  const url = `http://localhost:3999${path.replace(/\{(\w+)\}/g, (_, name: string) => options.params?.[name] ?? "")}${options.query ?? ""}`;
  const response = await withAuth(route)(
    new Request(url, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) }),
    options.params ?? {},
  );
  const text = await response.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}
