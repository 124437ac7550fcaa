import { loadM2mGroups } from "@/lib/auth/principal-groups";
import { requirePermission } from "@/lib/access/authorize";
import type { OperationContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { explainAccess } from "../explain/explain-access";
import { lastTokenOf, type M2mLastToken } from "./m2m-last-token";

export type M2mAccountAccess = Awaited<ReturnType<typeof explainAccess>> & { lastToken: M2mLastToken | null };

/**
 * What an M2M account sees: its assigned groups plus the groups mapped from the app roles and
 * Entra group ids its last valid token carried — access as of that token, since roles and
 * groups live in Entra and arrive only with each token. Null when there is no such account.
 */
export async function explainM2mAccount(
  ctx: OperationContext,
  { id }: { id: string },
): Promise<
  M2mAccountAccess & { account: { id: string; name: string; enabled: boolean; tenantId: string; clientId: string } }
> {
  requirePermission(ctx, "iam:read");
  const { db } = ctx;
  const row = await db.m2mAccount.findUnique({ where: { id } });
  if (!row) throw new AppError("not_found", "No such M2M account.");
  const lastToken = lastTokenOf(row);
  const groups = await loadM2mGroups(db, row.id, {
    roles: lastToken?.roles ?? [],
    entraGroupIds: lastToken?.groups ?? [],
  });
  return {
    account: { id: row.id, name: row.name, enabled: row.enabled, tenantId: row.tenantId, clientId: row.clientId },
    lastToken,
    ...(await explainAccess(db, groups)),
  };
}
