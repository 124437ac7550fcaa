import { requirePermission } from "@/lib/access/authorize";
import type { OperationContext } from "@/lib/context";
import type { GroupRecord } from "./schemas";

export interface GroupMember {
  id: string;
  name: string;
  detail: string | null;
  enabled: boolean;
}

export interface GroupMembers {
  users: GroupMember[];
  m2mAccounts: GroupMember[];
  userTotal: number;
  m2mTotal: number;
}

/** Enough members to recognise the group; the full lists live on the users and M2M pages. */
const SHOWN = 50;

/**
 * The group's assigned members with names, sorted by name: one query per member kind
 * (joined through the membership tables), whatever the group's size. The totals come from
 * the group record, which already carries every member id.
 */
export async function findGroupMembers(
  ctx: OperationContext,
  group: Pick<GroupRecord, "id" | "members">,
  shown = SHOWN,
): Promise<GroupMembers> {
  requirePermission(ctx, "iam:read");
  const { db } = ctx;
  const groupId = group.id;
  const [users, m2mAccounts] = await Promise.all([
    db.user.findMany({
      where: { groups: { some: { groupId } } },
      select: { id: true, displayName: true, email: true, enabled: true },
      orderBy: [{ displayName: "asc" }, { id: "asc" }],
      take: shown,
    }),
    db.m2mAccount.findMany({
      where: { groups: { some: { groupId } } },
      select: { id: true, name: true, clientId: true, enabled: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: shown,
    }),
  ]);
  return {
    users: users.map((user) => ({ id: user.id, name: user.displayName, detail: user.email, enabled: user.enabled })),
    m2mAccounts: m2mAccounts.map((account) => ({
      id: account.id,
      name: account.name,
      detail: `client ${account.clientId}`,
      enabled: account.enabled,
    })),
    userTotal: group.members.users.length,
    m2mTotal: group.members.m2mAccounts.length,
  };
}
