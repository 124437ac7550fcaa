import { BUILT_IN_ADMIN_GROUP } from "@/lib/access/permissions";
import { loadUserGroups } from "@/lib/auth/principal-groups";
import type { Db, Tx } from "@/lib/db";

/**
 * Enabled users who are in registry-admins right now, by assignment or by an Entra mapping
 * (as captured at their last sign-in). Used to refuse changes that would leave no admin.
 */
export async function countAdminUsers(tx: Db | Tx): Promise<number> {
  const users = await tx.user.findMany({
    where: { enabled: true },
    select: { id: true, entraGroupIds: true, entraAppRoles: true },
  });
  let admins = 0;
  for (const user of users) {
    const groups = await loadUserGroups(tx as Db, user);
    if (groups.some((group) => group.name === BUILT_IN_ADMIN_GROUP)) admins += 1;
  }
  return admins;
}
