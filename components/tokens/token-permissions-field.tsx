"use client";

import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { SERVER_SCOPED_PERMISSIONS } from "@/lib/access/token-permissions";
import type { Permission } from "@/lib/access/permissions";
import { TOKEN_PERMISSION_ACTIONS } from "@/lib/tokens/describe-token";

/** A permission the signed-in user holds and a token may carry, with the groups that grant it. */
export interface TokenPermissionOption {
  permission: Permission;
  groups: string[];
}

/**
 * Why a permission cannot be chosen for these groups and servers, or null when it can: the same
 * rules the API enforces (lib/tokens/check-token-scope.ts), so the dialog never offers a 422.
 */
export function permissionBlocker(option: TokenPermissionOption, groups: string[], restricted: boolean): string | null {
  if (restricted && !SERVER_SCOPED_PERMISSIONS.includes(option.permission))
    return "Not with a server restriction: it is not scoped to servers.";
  if (!option.groups.some((group) => groups.includes(group)))
    return `Needs one of these groups: ${option.groups.join(", ")}.`;
  return null;
}

export function TokenPermissionsField({
  options,
  value,
  onChange,
  groups,
  restricted,
  error,
  disabled,
}: {
  options: TokenPermissionOption[];
  value: string[];
  onChange: (next: string[]) => void;
  groups: string[];
  restricted: boolean;
  error?: string;
  disabled?: boolean;
}) {
  return (
    <CheckboxGroup
      legend="Permissions"
      hint="None by default: the token only reads the catalog. Each works only while you still hold it. A server restriction allows only servers:write, for those servers."
      error={error}
      options={options.map((option) => {
        const blocker = permissionBlocker(option, groups, restricted);
        return {
          value: option.permission,
          hint: blocker ?? `Can ${TOKEN_PERMISSION_ACTIONS[option.permission]}.`,
          disabled: blocker !== null,
        };
      })}
      value={value}
      onChange={onChange}
      disabled={disabled}
      mono
      emptyText="You hold no permission a token can carry: it will read the catalog only."
    />
  );
}
