import { isPermission, PERMISSIONS, type Permission } from "./permissions";

/**
 * What a registry API token may do (SPEC §2.2, issue #9). A token carries only the permissions
 * chosen when it was created; with none it reads the catalog its groups grant, nothing else.
 * On every request its effective permissions are
 *
 *   token.permissions ∩ the permissions of its effective groups (token.groups ∩ owner's groups)
 *                     ∩ what its server restriction allows (below)
 *
 * so the owner losing a permission (or a group) takes it from the token on the next request.
 *
 * - `tokens:create` is never carried by a token: only people create tokens (see
 *   lib/tokens/require-token-owner.ts), so a token cannot mint a wider or longer-lived one.
 * - A server restriction narrows every route the token reaches. Only `servers:write` can be
 *   scoped to servers (it then manages just those servers); IAM objects (groups, users, M2M
 *   accounts, explain) and the audit log are not scoped to servers, so `iam:read`, `iam:write`
 *   and `audit:read` cannot be combined with a restriction: creation refuses them (422) and,
 *   should a stored row ever hold such a pair, the request drops them (fail closed).
 */
export const TOKEN_PERMISSIONS: readonly Permission[] = PERMISSIONS.filter(
  (permission) => permission !== "tokens:create",
);

/** Permissions whose objects are servers, so a server restriction can scope them. */
export const SERVER_SCOPED_PERMISSIONS: readonly Permission[] = ["servers:write"];

/** The permissions a token may carry, given whether it is restricted to servers. */
export function tokenPermissionChoices(restricted: boolean): readonly Permission[] {
  return restricted
    ? TOKEN_PERMISSIONS.filter((permission) => SERVER_SCOPED_PERMISSIONS.includes(permission))
    : TOKEN_PERMISSIONS;
}

/**
 * The stored permissions a token may still use: unknown values, `tokens:create`, and — on a
 * restricted token — every permission not scoped to servers are dropped. Pure; the caller
 * intersects the result with what the token's groups grant.
 */
export function usableTokenPermissions(stored: readonly string[], restricted: boolean): Set<Permission> {
  const allowed = tokenPermissionChoices(restricted);
  return new Set(stored.filter(isPermission).filter((permission) => allowed.includes(permission)));
}
