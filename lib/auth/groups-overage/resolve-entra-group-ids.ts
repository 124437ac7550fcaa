import type { Db } from "@/lib/db";
import { callGraph } from "@/lib/entra-graph/graph-client";
import { provisionedGroupIds } from "./provisioned-group-ids";

/** A principal's Entra group ids, and where they came from; `ok: false` means group-derived access fails closed. */
export type EntraGroupIds =
  { ok: true; ids: string[]; source: "token" | "scim" | "graph" } | { ok: false; ids: []; reason: string };

export interface EntraGroupsClaim {
  tenantId: string;
  objectId: string;
  /** `app` → a service principal; `user` → a user. */
  principalType: "app" | "user";
  groups: string[];
  groupsOverage: boolean;
}

const TTL_MS = 5 * 60_000;
const MAX_ENTRIES = 10_000;
const cache = new Map<string, { at: number; result: Promise<EntraGroupIds> }>();

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function fromGraph(claim: EntraGroupsClaim): Promise<EntraGroupIds> {
  if (!GUID.test(claim.objectId)) return { ok: false, ids: [], reason: "the token's oid is not an object id" };
  const collection = claim.principalType === "app" ? "servicePrincipals" : "users";
  const result = await callGraph<{ value?: unknown }>(
    claim.tenantId,
    "POST",
    `${collection}/${claim.objectId}/getMemberObjects`,
    { securityEnabledOnly: false },
  );
  if (!result.ok) {
    const hint =
      result.kind === "forbidden" ? " (the registry app needs the GroupMember.Read.All application permission)" : "";
    return {
      ok: false,
      ids: [],
      reason: `groups overage: ${result.reason}${hint}; Entra group mappings are not applied`,
    };
  }
  const value = result.value.value;
  if (!Array.isArray(value) || !value.every((id) => typeof id === "string"))
    return { ok: false, ids: [], reason: "groups overage: Microsoft Graph answered without a list of ids" };
  return { ok: true, ids: (value as string[]).map((id) => id.toLowerCase()), source: "graph" };
}

async function resolveOverage(db: Db, claim: EntraGroupsClaim): Promise<EntraGroupIds> {
  const provisioned = await provisionedGroupIds(db, claim.tenantId, claim.objectId);
  if (provisioned) return { ok: true, ids: provisioned, source: "scim" };
  return fromGraph(claim);
}

/**
 * SPEC §2.3 step 8. The token's `groups` claim, or — when it carries the overage marker — the
 * memberships provisioned by SCIM, else Microsoft Graph's getMemberObjects. Graph answers are
 * cached per principal for five minutes and concurrent lookups share one call. A failure is
 * cached too (so an outage is not hammered) and fails closed: no Entra group mappings apply.
 */
export function resolveEntraGroupIds(db: Db, claim: EntraGroupsClaim, now = Date.now()): Promise<EntraGroupIds> {
  if (!claim.groupsOverage) return Promise.resolve({ ok: true, ids: claim.groups, source: "token" });
  const key = `${claim.tenantId.toLowerCase()}/${claim.principalType}/${claim.objectId.toLowerCase()}`;
  const cached = cache.get(key);
  if (cached && now - cached.at < TTL_MS) return cached.result;
  const result = resolveOverage(db, claim);
  cache.set(key, { at: now, result });
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return result;
}

/** For tests: drop cached Graph answers. */
export function clearEntraGroupIdsCache(): void {
  cache.clear();
}
