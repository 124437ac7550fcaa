/** Explicit permissions (SPEC §3): never derived from wildcards. */
export const PERMISSIONS = ["servers:write", "iam:read", "iam:write", "audit:read", "tokens:create"] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Permissions that let a holder change who can do what; the UI warns before granting them. */
export const ADMIN_PERMISSIONS: readonly Permission[] = ["iam:write", "servers:write"];

export const BUILT_IN_ADMIN_GROUP = "registry-admins";

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}
