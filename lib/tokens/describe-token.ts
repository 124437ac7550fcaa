import { PERMISSIONS, type Permission } from "@/lib/access/permissions";

/** What each permission lets a token do, in the words of the create-token dialog. */
export const TOKEN_PERMISSION_ACTIONS: Record<Permission, string> = {
  "servers:write": "register, edit and delete servers and their tools",
  "iam:read": "view users, groups, M2M accounts and the Access Explorer",
  "iam:write": "change users, groups and M2M accounts",
  "audit:read": "read and export the audit log",
  "tokens:create": "create API tokens",
};

export interface TokenScopeChoice {
  groups: string[];
  /** Null or empty: no server restriction. */
  servers: string[] | null;
  permissions: string[];
}

/**
 * Exactly what a token with these choices can do, as sentences for the create dialog (the same
 * rules as lib/access/token-permissions.ts: catalog reads through its groups, only the chosen
 * permissions, a restriction narrowing everything). Pure.
 */
export function describeToken({ groups, servers, permissions }: TokenScopeChoice): string[] {
  if (groups.length === 0) return ["Sees nothing: choose at least one group."];
  const restricted = servers !== null && servers.length > 0;
  const limit = restricted ? `, limited to servers: ${servers.join(", ")}` : "";
  const lines = [`Reads the servers and tools its groups (${groups.join(", ")}) let you see${limit}.`];
  const chosen = PERMISSIONS.filter((permission) => permissions.includes(permission));
  if (chosen.length === 0) {
    lines.push("No other permissions.");
    return lines;
  }
  for (const permission of chosen) {
    const scope = permission === "servers:write" && restricted ? ` — only ${servers.join(", ")}` : "";
    lines.push(`Can ${TOKEN_PERMISSION_ACTIONS[permission]}${scope} (${permission}).`);
  }
  lines.push("No other permissions.");
  return lines;
}
