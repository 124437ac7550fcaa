import { computeEffectiveAccess, grantFor, type EffectiveAccess, type ServerGrant } from "@/lib/access/effective-access";
import { loadGroupGrants } from "@/lib/access/load-access";
import type { PrincipalGroup } from "@/lib/auth/principal";
import { loadM2mGroups } from "@/lib/auth/principal-groups";
import type { Db } from "@/lib/db";
import { findServers } from "@/lib/servers/find-servers";
import type { ServerRecord } from "@/lib/servers/schemas";

export interface M2mViewAccess {
  groups: PrincipalGroup[];
  access: EffectiveAccess;
  servers: { server: ServerRecord; grant: ServerGrant | null }[];
  /** More than the first 200 servers are visible. */
  truncated: boolean;
}

/**
 * What the account would see with a token that carries no roles or groups claims: its assigned
 * groups only (app roles and Entra group claims in a real token can add more).
 */
export async function loadM2mViewAccess(db: Db, accountId: string): Promise<M2mViewAccess> {
  const groups = await loadM2mGroups(db, accountId, { roles: [], groups: [], groupsOverage: false });
  const access = computeEffectiveAccess(groups, await loadGroupGrants(db, groups.map((group) => group.id)));
  const page = await findServers(db, access, { limit: 200 });
  return {
    groups,
    access,
    servers: page.items.map((server) => ({ server, grant: grantFor(access, server.slug) })),
    truncated: page.nextCursor !== null,
  };
}
