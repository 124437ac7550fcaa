import { serverWhere } from "@/lib/access/access-where";
import { requirePermission } from "@/lib/access/authorize";
import { hasPermission } from "@/lib/access/effective-access";
import type { OperationContext } from "@/lib/context";
import type { GatewayUsageRecord } from "./find-gateway-usage";

/** Which of a page's principals and servers have a page the viewer can open, so the usage screen links only to those. */
export interface UsageLinks {
  users: Set<string>;
  m2mAccounts: Set<string>;
  servers: Set<string>;
}

/**
 * For the usage screen (audit:read, like the records themselves). A user or M2M account page
 * opens only with iam:read, and a server page only for a visible server: anything else is not
 * linked, so the screen reveals nothing about objects the viewer could not open.
 */
export async function findUsageLinks(
  ctx: OperationContext,
  { records }: { records: GatewayUsageRecord[] },
): Promise<UsageLinks> {
  requirePermission(ctx, "audit:read");
  const { db, access } = ctx;
  const canReadIam = hasPermission(access, "iam:read");
  const idsOf = (kind: string) =>
    canReadIam ? [...new Set(records.filter((r) => r.principal.kind === kind).map((r) => r.principal.id))] : [];
  const userIds = idsOf("user");
  const m2mIds = idsOf("m2m");
  const slugs = [...new Set(records.map((r) => r.server))];
  const [users, accounts, servers] = await Promise.all([
    userIds.length ? db.user.findMany({ where: { id: { in: userIds } }, select: { id: true } }) : [],
    m2mIds.length ? db.m2mAccount.findMany({ where: { id: { in: m2mIds } }, select: { id: true } }) : [],
    slugs.length
      ? db.server.findMany({ where: { AND: [{ slug: { in: slugs } }, serverWhere(access)] }, select: { slug: true } })
      : [],
  ]);
  return {
    users: new Set(users.map((u) => u.id)),
    m2mAccounts: new Set(accounts.map((a) => a.id)),
    servers: new Set(servers.map((s) => s.slug)),
  };
}
