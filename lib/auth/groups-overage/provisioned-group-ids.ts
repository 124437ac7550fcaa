import type { Db } from "@/lib/db";

/**
 * Entra group ids of a principal as provisioned by SCIM, or null when SCIM has not provisioned
 * this principal (then Microsoft Graph is asked). A user is SCIM-provisioned once provisioning
 * wrote their userName; apps are never provisioned (no user has their object id).
 */
export async function provisionedGroupIds(db: Db, tenantId: string, objectId: string): Promise<string[] | null> {
  const user = await db.user.findUnique({
    where: { tenantId_objectId: { tenantId: tenantId.toLowerCase(), objectId: objectId.toLowerCase() } },
    select: {
      userName: true,
      deprovisionedAt: true,
      directoryGroups: { select: { group: { select: { externalId: true } } } },
    },
  });
  if (!user || user.userName === null || user.deprovisionedAt !== null) return null;
  return [
    ...new Set(user.directoryGroups.flatMap(({ group }) => (group.externalId ? [group.externalId.toLowerCase()] : []))),
  ];
}
