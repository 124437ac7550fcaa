import type { Principal } from "@/lib/auth/principal";
import type { Tx } from "@/lib/db";

export interface AuditEventInput {
  action: string;
  outcome?: "success" | "denied" | "failure";
  target?: { type: string; id?: string | null; name?: string | null };
  before?: unknown;
  after?: unknown;
  reason?: string;
  tokenFingerprint?: string;
}

export interface AuditContext {
  principal: Principal | null;
  requestId: string;
  /** Start-up work (bootstrap, demo seed): recorded as actor kind "system". */
  system?: boolean;
  /**
   * An actor that is not a Principal, recorded as given: a SCIM provisioning token, or a refused
   * caller known without a principal (lib/errors.ts RefusedActor).
   */
  actor?: { kind: string; id: string; name: string };
}

/** Serializable snapshot (Dates become ISO strings) for the before/after columns. */
function snapshot(value: unknown): object | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value)) as object;
}

/**
 * Writes one audit event row. Changes never call this themselves: they go through
 * `auditedChange` (./audited-change.ts), which writes their events and moves the IAM generation
 * in the change's own transaction. Called directly only for records of something that changed
 * no state: a refused request (lib/http/audit-auth-failure.ts), a groups-overage lookup.
 */
export async function recordAuditEvent(tx: Pick<Tx, "auditEvent">, context: AuditContext, event: AuditEventInput) {
  const actor = context.principal
    ? { kind: context.principal.kind, id: context.principal.id, name: context.principal.displayName }
    : context.actor;
  await tx.auditEvent.create({
    data: {
      actorKind: actor?.kind ?? (context.system ? "system" : "anonymous"),
      actorId: actor?.id ?? null,
      actorName: actor?.name ?? null,
      action: event.action,
      outcome: event.outcome ?? "success",
      targetType: event.target?.type ?? null,
      targetId: event.target?.id ?? null,
      targetName: event.target?.name ?? null,
      reason: event.reason ?? null,
      tokenFingerprint: event.tokenFingerprint ?? null,
      requestId: context.requestId,
      before: snapshot(event.before),
      after: snapshot(event.after),
    },
  });
}
