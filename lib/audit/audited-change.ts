import { bumpIamGeneration } from "@/lib/auth/iam-generation";
import type { Db, Tx } from "@/lib/db";
import { recordAuditEvent, type AuditContext, type AuditEventInput } from "./record-audit-event";

/**
 * What a change receives: the transaction to write in, who acts, and `record` for the audit
 * events that describe it. Only `auditedChange` makes one, so a helper that takes an
 * `AuditedTx` (instead of a bare transaction) can only ever write inside an audited change.
 */
export interface AuditedTx {
  tx: Tx;
  actor: AuditContext;
  /** `as`: an actor known only inside the change (a user's own sign-in creates the user). */
  record(event: AuditEventInput, as?: AuditContext): void;
}

/**
 * The one way lib/ changes registry state (SPEC §10: every IAM change is in the audit log).
 * The change, its audit events (actor, target, before/after) and the IAM generation bump
 * commit together or not at all: a change that throws leaves no audit record and no bump.
 *
 * Every audited change counts as an IAM change for the generation: catalog edits as well as
 * group, user, M2M and token edits alter what a cached answer says (the principal cache, the
 * gateway's targets, the catalog list cache), so each one ends those caches everywhere. A
 * change that records no event changed nothing (e.g. a SCIM PATCH to the same state), and
 * leaves the generation alone.
 */
export async function auditedChange<T>(
  db: Db,
  actor: AuditContext,
  change: (scope: AuditedTx) => Promise<T>,
): Promise<T> {
  return db.$transaction(async (tx) => {
    const events: { event: AuditEventInput; as: AuditContext }[] = [];
    const result = await change({ tx, actor, record: (event, as = actor) => void events.push({ event, as }) });
    for (const { event, as } of events) await recordAuditEvent(tx, as, event);
    if (events.length > 0) await bumpIamGeneration(tx);
    return result;
  });
}
