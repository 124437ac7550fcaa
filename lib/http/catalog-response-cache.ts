import type { Principal } from "@/lib/auth/principal";
import { json } from "./json";

const MAX_ENTRIES = 2_000;
const entries = new Map<string, string>();

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
 */
export async function cachedCatalogJson(
  ctx: { principal: Principal; generation: number },
  request: Request,
  compute: () => Promise<unknown>,
): Promise<Response> {
  if (ctx.generation < 0) return json(await compute());
  const url = new URL(request.url);
  const key = `${ctx.generation}|${accessKey(ctx.principal)}|${url.pathname}${url.search}`;
  let body = entries.get(key);
  if (body === undefined) {
    body = JSON.stringify(await compute());
    entries.set(key, body);
    if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  }
  return new Response(body, { headers: { "Content-Type": "application/json", "Cache-Control": "no-store" } });
}
