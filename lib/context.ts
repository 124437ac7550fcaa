import type { EffectiveAccess } from "@/lib/access/effective-access";
import type { Principal } from "@/lib/auth/principal";
import type { Db } from "@/lib/db";

/** What every lib/ operation receives: the database, who acts, and the request id for audit. */
export interface OperationContext {
  db: Db;
  principal: Principal;
  access: EffectiveAccess;
  requestId: string;
}
