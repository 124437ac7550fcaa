import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db";
import { log } from "@/lib/log";
import type { M2mPrincipal } from "./principal";

const WARN_EVERY_MS = 60 * 60 * 1000;
const lastWarned = new Map<string, number>();

/**
 * SPEC §2.3 step 8: a token with the groups-overage marker gets no Entra group mappings, and the
 * audit log says so — once an hour per M2M account, so a busy caller does not flood it.
 */
export async function auditGroupsOverage(db: Db, principal: M2mPrincipal, now = Date.now()): Promise<void> {
  const previous = lastWarned.get(principal.m2mAccountId);
  if (previous !== undefined && now - previous < WARN_EVERY_MS) return;
  lastWarned.set(principal.m2mAccountId, now);
  log.warn("groups overage: Entra group mappings skipped", { m2mAccountId: principal.m2mAccountId });
  await recordAuditEvent(db, { principal, requestId: "groups-overage" }, {
    action: "auth.groups-overage",
    outcome: "success",
    target: { type: "m2m-account", id: principal.m2mAccountId, name: principal.displayName },
    reason: "the token carries the groups overage marker (_claim_names.groups): its Entra group ids are not known, so only assigned groups and app-role mappings apply",
  });
}
