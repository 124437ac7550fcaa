import type { Db } from "@/lib/db";
import type { GatewayUsageRecord } from "./find-gateway-usage";

/** Which of a page's principals and servers still exist, so the usage screen links only to pages that open. */
export interface UsageLinks {
  users: Set<string>;
  m2mAccounts: Set<string>;
  servers: Set<string>;
}

export async function findUsageLinks(db: Db, records: GatewayUsageRecord[]): Promise<UsageLinks> {
  const idsOf = (kind: string) => [
    ...new Set(records.filter((r) => r.principal.kind === kind).map((r) => r.principal.id)),
  ];
  const userIds = idsOf("user");
  const m2mIds = idsOf("m2m");
  const slugs = [...new Set(records.map((r) => r.server))];
  const [users, accounts, servers] = await Promise.all([
    userIds.length ? db.user.findMany({ where: { id: { in: userIds } }, select: { id: true } }) : [],
    m2mIds.length ? db.m2mAccount.findMany({ where: { id: { in: m2mIds } }, select: { id: true } }) : [],
    slugs.length ? db.server.findMany({ where: { slug: { in: slugs } }, select: { slug: true } }) : [],
  ]);
  return {
    users: new Set(users.map((u) => u.id)),
    m2mAccounts: new Set(accounts.map((a) => a.id)),
    servers: new Set(servers.map((s) => s.slug)),
  };
}
