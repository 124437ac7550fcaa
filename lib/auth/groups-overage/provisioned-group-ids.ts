import type { Db } from "@/lib/db";

/**
 * Entra group ids of a principal as provisioned by SCIM, or null when SCIM has not provisioned
 * this principal (then Microsoft Graph is asked).
 * TODO(branch scim): read the SCIM-provisioned directory group memberships of (tenantId,
 * objectId) once that branch lands; until then nothing is provisioned.
 */
export async function provisionedGroupIds(_db: Db, _tenantId: string, _objectId: string): Promise<string[] | null> {
  return null;
}
