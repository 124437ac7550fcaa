import type { EffectiveAccess } from "./effective-access";
import { PERMISSIONS, type Permission } from "./permissions";

/**
 * The registry's own access when it acts at start-up (built-in groups, bootstrap M2M admins,
 * the demo seed): every permission and the whole catalog. Never given to a request: requests
 * always carry a principal whose access comes from its groups.
 */
export function systemAccess(): EffectiveAccess {
  return {
    permissions: new Map<Permission, string[]>(PERMISSIONS.map((permission) => [permission, ["system"]])),
    managesCatalog: true,
    anyServer: { methods: "*", tools: "*", reasons: [] },
    servers: new Map(),
    restriction: null,
  };
}
