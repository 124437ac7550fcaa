import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db";
import { log } from "@/lib/log";
import type { EntraGroupIds } from "./groups-overage/resolve-entra-group-ids";
import type { M2mPrincipal } from "./principal";

const AUDIT_EVERY_MS = 60 * 60 * 1000;
const lastAudited = new Map<string, number>();

/**
 * SPEC §2.3 step 8: a token with the groups-overage marker has its Entra group ids looked up
 * (SCIM, then Graph). The audit log says how that went — once an hour per M2M account and
 * outcome, so a busy caller does not flood it. A failed lookup fails closed for group-derived
 * access only, and the reason is recorded.
 */
export async function auditGroupsOverage(
  db: Db,
  principal: M2mPrincipal,
  resolved: EntraGroupIds,
  now = Date.now(),
): Promise<void> {
  const key = `${principal.m2mAccountId}:${resolved.ok ? "ok" : "failed"}`;
  const previous = lastAudited.get(key);
  if (previous !== undefined && now - previous < AUDIT_EVERY_MS) return;
  lastAudited.set(key, now);
  if (!resolved.ok)
    log.warn("groups overage: Entra group mappings skipped", {
      m2mAccountId: principal.m2mAccountId,
      reason: resolved.reason,
    });
  await recordAuditEvent(
    db,
    { principal, requestId: "groups-overage" },
    {
      action: "auth.groups-overage",
      outcome: resolved.ok ? "success" : "failure",
      target: { type: "m2m-account", id: principal.m2mAccountId, name: principal.displayName },
      reason: resolved.ok
        ? `the token carries the groups overage marker (_claim_names.groups): ${resolved.ids.length} Entra group id(s) read from ${resolved.source === "scim" ? "SCIM provisioning" : "Microsoft Graph (getMemberObjects)"}`
        : `${resolved.reason}: only assigned groups and app-role mappings apply`,
    },
  );
}
