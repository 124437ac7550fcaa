import { jsonStringArray } from "@/lib/validation/common";

/** What an M2M account's last valid token carried (recorded by lib/auth/record-m2m-token.ts). */
export interface M2mLastToken {
  at: string;
  roles: string[];
  /** The Entra group ids mappings were matched against (from the token, SCIM or Graph). */
  groups: string[];
  version: 1 | 2 | null;
  overage: boolean;
  /** "token", "scim", "graph", or "failed: <reason>" when an overage lookup failed. */
  groupsSource: string | null;
}

interface LastTokenColumns {
  lastTokenAt: Date | null;
  lastTokenRoles: unknown;
  lastTokenGroups: unknown;
  lastTokenVersion: number | null;
  lastTokenOverage: boolean | null;
  lastTokenGroupsSource: string | null;
}

export function lastTokenOf(row: LastTokenColumns): M2mLastToken | null {
  if (!row.lastTokenAt) return null;
  return {
    at: row.lastTokenAt.toISOString(),
    roles: jsonStringArray(row.lastTokenRoles),
    groups: jsonStringArray(row.lastTokenGroups),
    version: row.lastTokenVersion === 1 || row.lastTokenVersion === 2 ? row.lastTokenVersion : null,
    overage: row.lastTokenOverage ?? false,
    groupsSource: row.lastTokenGroupsSource,
  };
}

/** One line for people: what the last token carried and how its groups were known. */
export function describeLastToken(token: M2mLastToken | null): string {
  if (!token)
    return "Never called: only assigned groups are shown (app roles and Entra group ids arrive with its tokens)";
  const roles = token.roles.length > 0 ? token.roles.join(", ") : "none";
  const groups = token.groups.length > 0 ? `${token.groups.length} (${token.groups.join(", ")})` : "none";
  const overage = token.overage
    ? token.groupsSource?.startsWith("failed")
      ? `; groups overage — lookup ${token.groupsSource}`
      : `; groups overage — ids read from ${token.groupsSource === "scim" ? "SCIM" : "Microsoft Graph"}`
    : "";
  return `as of the last token at ${token.at}: ${token.version ? `v${token.version}.0` : "unknown version"} token; app roles: ${roles}; Entra group ids: ${groups}${overage}`;
}
