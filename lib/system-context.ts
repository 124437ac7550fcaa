import { systemAccess } from "@/lib/access/system-access";
import type { OperationContext } from "@/lib/context";
import type { Db } from "@/lib/db";

/** The registry acting on its own (start-up, seed, test fixtures): audited as actor kind "system". */
export function systemContext(db: Db, requestId: string): OperationContext {
  return { db, principal: null, access: systemAccess(), requestId, system: true };
}
