import { computeEffectiveAccess, type GroupGrants } from "@/lib/access/effective-access";
import type { PrincipalContext } from "@/lib/context";
import type { Db } from "@/lib/db";

let next = 0;

/**
 * A signed-in user's operation context whose access comes from the given group definitions
 * (computed as on a request), for calling lib/ operations directly, without HTTP.
 */
export function userContext(db: Db, grants: Omit<GroupGrants, "id">[] = []): PrincipalContext {
  next += 1;
  const groups = grants.map((grant, index) => ({ ...grant, id: `test-group-${next}-${index}` }));
  const principalGroups = groups.map((group) => ({
    id: group.id,
    name: group.name,
    reasons: [{ kind: "assignment" as const }],
  }));
  return {
    db,
    principal: {
      kind: "user",
      id: `test-user-${next}`,
      userId: `test-user-${next}`,
      displayName: `Test user ${next}`,
      via: "session",
      groups: principalGroups,
    },
    access: computeEffectiveAccess(principalGroups, groups),
    requestId: `operation-test-${next}`,
  };
}
