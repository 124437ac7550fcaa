import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { Column } from "@/components/ui/data-table";
import { Time } from "@/components/ui/time";
import { ADMIN_PERMISSIONS, type Permission } from "@/lib/access/permissions";
import type { GroupRecord } from "@/lib/iam/groups/schemas";

function ruleSummary(group: GroupRecord): string {
  const rules = group.serverAccess;
  if (rules.length === 0) return "No server access";
  if (rules.some((rule) => rule.server === "*"))
    return `All servers${rules.length > 1 ? ` + ${rules.length - 1} more rule${rules.length > 2 ? "s" : ""}` : ""}`;
  return `${rules.length} server${rules.length === 1 ? "" : "s"}`;
}

export const groupColumns: Column<GroupRecord>[] = [
  {
    id: "name",
    header: "Name",
    rowHeader: true,
    sortKey: "name",
    className: "w-52",
    cell: (group) => (
      <span className="flex flex-wrap items-center gap-1.5">
        <Link
          href={`/settings/iam/groups/${encodeURIComponent(group.name)}`}
          className="font-mono text-[13px] text-indigo-700 hover:underline"
        >
          {group.name}
        </Link>
        {group.builtIn ? (
          <Badge tone="accent" title="Built in: cannot be deleted or lose permissions">
            built-in
          </Badge>
        ) : null}
      </span>
    ),
  },
  {
    id: "description",
    header: "Description",
    cell: (group) =>
      group.description ? (
        <span className="line-clamp-2 text-slate-600">{group.description}</span>
      ) : (
        <span className="text-slate-400">—</span>
      ),
  },
  {
    id: "members",
    header: "Members",
    className: "w-36 whitespace-nowrap",
    cell: (group) => {
      const { users, m2mAccounts } = group.members;
      const mapped = group.entraMappings.groups.length + group.entraMappings.appRoles.length;
      return (
        <span className="tabular-nums">
          {users.length} {users.length === 1 ? "user" : "users"}, {m2mAccounts.length} M2M
          {mapped > 0 ? (
            <span className="block text-xs text-slate-500">
              + {mapped} Entra mapping{mapped === 1 ? "" : "s"}
            </span>
          ) : null}
        </span>
      );
    },
  },
  {
    id: "access",
    header: "Server access",
    className: "w-36 whitespace-nowrap",
    cell: (group) => <span className="text-slate-600">{ruleSummary(group)}</span>,
  },
  {
    id: "permissions",
    header: "Permissions",
    className: "w-64",
    cell: (group) =>
      group.permissions.length === 0 ? (
        <span className="text-slate-400">None</span>
      ) : (
        <ul className="flex flex-wrap gap-1" aria-label={`Permissions of ${group.name}`}>
          {group.permissions.map((permission) => (
            <li key={permission}>
              <Badge mono tone={ADMIN_PERMISSIONS.includes(permission as Permission) ? "warning" : "neutral"}>
                {permission}
              </Badge>
            </li>
          ))}
        </ul>
      ),
  },
  {
    id: "updatedAt",
    header: "Updated",
    sortKey: "updatedAt",
    className: "w-36",
    hideBelow: "2xl",
    cell: (group) => <Time value={group.updatedAt} className="whitespace-nowrap text-slate-600 tabular-nums" />,
  },
];
