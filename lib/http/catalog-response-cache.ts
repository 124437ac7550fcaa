import type { Principal } from "@/lib/auth/principal";
import { json } from "./json";

const MAX_ENTRIES = 2_000;
interface Entry<T> {
  value: T;
  body: string;
  /** With `fresh`: the freshness stamp `body` was made at. */
  freshAt?: { stamp: string; at: number };
}
const entries = new Map<string, Entry<unknown>>();

/**
 * What a principal's catalog reads depend on: its groups and, for API tokens, the server
 * restriction and the permissions it carries (a token without servers:write sees less than its
 * owner with the same groups). Two principals with the same key see the same catalog.
 */
function accessKey(principal: Principal): string {
  const groups = principal.groups
    .map((group) => group.id)
    .sort()
    .join(",");
  if (principal.kind !== "token") return `${groups}|*|*`;
  const restriction = principal.servers ? [...principal.servers].sort().join(",") : "*";
  return `${groups}|${restriction}|${[...principal.permissions].sort().join(",")}`;
}

/**
 * Catalog list answers, reused while the IAM generation is unchanged: every catalog and IAM
 * change is audited and so moves the generation (lib/audit/audited-change.ts), which makes
 * every older entry unreachable. Keys never include a credential.
 *
 * `fresh` adds what changes without an audited change (server health, written by probes that
 * must not move the IAM generation) over the cached value, which it must not mutate. It runs again
 * when `freshness.stamp` changes or `freshness.ttlMs` has passed, not on every request.
 */
export async function cachedCatalogJson<T>(
  ctx: { principal: Principal; generation: number },
  request: Request,
  compute: () => Promise<T>,
  fresh?: (cached: T) => Promise<unknown>,
  freshness: { stamp: string; ttlMs: number } = { stamp: "", ttlMs: 0 },
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
  if (fresh) {
    const now = Date.now();
    if (!entry.freshAt || entry.freshAt.stamp !== freshness.stamp || now - entry.freshAt.at >= freshness.ttlMs) {
      const stamped = { stamp: freshness.stamp, at: now };
      entry.body = JSON.stringify(await fresh(entry.value));
      entry.freshAt = stamped;
    }
  }
  const body = entry.body;
  return new Response(body, { headers: { "Content-Type": "application/json", "Cache-Control": "no-store" } });
}
