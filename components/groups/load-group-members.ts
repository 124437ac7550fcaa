import type { Db } from "@/lib/db";
import type { GroupRecord } from "@/lib/iam/groups/schemas";
import { getM2mAccount } from "@/lib/iam/m2m-accounts/find-m2m-accounts";
import { getUser } from "@/lib/iam/users/find-users";
import type { MemberLink } from "./group-members-section";

/** Enough members to recognise the group; the full lists live on the users and M2M pages. */
const SHOWN = 50;

/** Server-only: resolves the group's member ids to names for the read-only Members section. */
export async function loadGroupMembers(db: Db, group: GroupRecord) {
  const [users, m2mAccounts] = await Promise.all([
    Promise.all(group.members.users.slice(0, SHOWN).map((id) => getUser(db, id))),
    Promise.all(group.members.m2mAccounts.slice(0, SHOWN).map((id) => getM2mAccount(db, id))),
  ]);
  const byName = (a: MemberLink, b: MemberLink) => a.name.localeCompare(b.name);
  return {
    users: users
      .flatMap((user): MemberLink[] => (user ? [{ id: user.id, name: user.displayName, detail: user.email, enabled: user.enabled }] : []))
      .sort(byName),
    m2mAccounts: m2mAccounts
      .flatMap((account): MemberLink[] => (account ? [{ id: account.id, name: account.name, detail: `client ${account.clientId}`, enabled: account.enabled }] : []))
      .sort(byName),
    userTotal: group.members.users.length,
    m2mTotal: group.members.m2mAccounts.length,
  };
}
