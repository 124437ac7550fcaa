import type { EffectiveAccess } from "@/lib/access/effective-access";
import type { AuditContext } from "@/lib/audit/record-audit-event";
import type { Principal } from "@/lib/auth/principal";
import type { Db } from "@/lib/db";

/**
 * What every lib/ operation receives: the database, who acts, their access, and the request id
 * for audit. Operations authorize themselves from it (lib/access/authorize.ts), so a page, a
 * server action and an API route get the same answer.
 */
export interface OperationContext extends AuditContext {
  db: Db;
  /** Null only for the registry itself (start-up bootstrap, demo seed): see `systemContext`. */
  principal: Principal | null;
  access: EffectiveAccess;
  requestId: string;
}

/** An operation context of someone who signed in or presented a credential (not the registry itself). */
export interface PrincipalContext extends OperationContext {
  principal: Principal;
}
