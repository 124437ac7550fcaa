import type { Principal } from "@/lib/auth/principal";
import { json } from "./json";

const MAX_ENTRIES = 2_000;
interface Entry<T> {
  value: T;
  /** The serialized value, when nothing is added per request. */
  body: string;
}
const entries = new Map<string, Entry<unknown>>();

/**
 * What a principal's catalog reads depend on: its groups and, for API tokens, the server
 * restriction and the permissions it carries (a token without servers:write sees less than its
 * owner with the same groups). Two principals with the same key see the same catalog.
 */
function accessKey(principal: Principal): string {
  const groups = principal.groups.map((group) => group.id).sort().join(",");
  if (principal.kind !== "token") return `${groups}|*|*`;
  const restriction = principal.servers ? [...principal.servers].sort().join(",") : "*";
  return `${groups}|${restriction}|${[...principal.permissions].sort().join(",")}`;
}

/**
 * Catalog list answers, reused while the IAM generation is unchanged: every catalog and IAM
 * change is audited and so moves the generation (lib/audit/record-audit-event.ts), which makes
 * every older entry unreachable. Keys never include a credential.
 *
 * `fresh` adds what changes without an audited change (server health, written by probes that
 * must not move the IAM generation): it runs on every request over the cached value, which it
 * must not mutate.
 */
export async function cachedCatalogJson<T>(
  ctx: { principal: Principal; generation: number },
  request: Request,
  compute: () => Promise<T>,
  fresh?: (cached: T) => Promise<unknown>,
): Promise<Response> {
  if (ctx.generation < 0) return json(fresh ? await fresh(await compute()) : await compute());
  const url = new URL(request.url);
  const key = `${ctx.generation}|${accessKey(ctx.principal)}|${url.pathname}${url.search}`;
  let entry = entries.get(key) as Entry<T> | undefined;
  if (entry === undefined) {
    const value = await compute();
    entry = { value, body: fresh ? "" : JSON.stringify(value) };
    entries.set(key, entry);
    if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  }
  const body = fresh ? JSON.stringify(await fresh(entry.value)) : entry.body;
  return new Response(body, { headers: { "Content-Type": "application/json", "Cache-Control": "no-store" } });
}
