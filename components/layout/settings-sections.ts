import { hasPermission, type EffectiveAccess } from "@/lib/access/effective-access";
import type { SettingsNavGroup } from "./settings-nav";

/**
 * The settings sections this principal may open, in menu order. Hiding a link is only
 * convenience: every page checks the permission again on the server.
 */
export function settingsSections(access: EffectiveAccess): SettingsNavGroup[] {
  const groups: SettingsNavGroup[] = [];
  if (hasPermission(access, "iam:read")) {
    groups.push({
      label: "IAM",
      items: [
        { href: "/settings/iam/users", label: "Users" },
        { href: "/settings/iam/groups", label: "Groups" },
        { href: "/settings/iam/m2m-accounts", label: "M2M Accounts" },
        { href: "/settings/iam/provisioning", label: "Provisioning" },
        { href: "/settings/access-explorer", label: "Access Explorer" },
      ],
    });
  }
  groups.push({ label: "Access", items: [{ href: "/settings/tokens", label: "API Tokens" }] });
  if (hasPermission(access, "audit:read"))
    groups.push({
      label: "Monitoring",
      items: [
        { href: "/settings/audit", label: "Audit Log" },
        { href: "/settings/usage", label: "Gateway Usage" },
      ],
    });
  return groups;
}
