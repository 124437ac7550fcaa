import Link from "next/link";
import { Badge, BadgeList } from "@/components/ui/badge";
import type { Column } from "@/components/ui/data-table";
import { Time } from "@/components/ui/time";
import type { UserRecord } from "@/lib/iam/users/schemas";

export function userColumns(currentUserId: string): Column<UserRecord>[] {
  return [
    {
      id: "name",
      header: "Name",
      sortKey: "name",
      rowHeader: true,
      className: "w-56",
      cell: (user) => (
        <span className="flex flex-wrap items-center gap-1.5">
          <Link href={`/settings/iam/users/${user.id}`} className="text-indigo-700 hover:underline">
            {user.displayName}
          </Link>
          {user.id === currentUserId ? <Badge tone="accent">you</Badge> : null}
        </span>
      ),
    },
    {
      id: "email",
      header: "Email",
      cell: (user) =>
        user.email ? <span className="text-slate-600">{user.email}</span> : <span className="text-slate-400">—</span>,
    },
    {
      id: "groups",
      header: "Groups",
      cell: (user) => <BadgeList items={user.groups} mono empty="No assigned groups" />,
    },
    {
      id: "lastSignIn",
      header: "Last sign-in",
      sortKey: "lastSignInAt",
      className: "w-44",
      cell: (user) => (
        <Time value={user.lastSignInAt} empty="Never" className="whitespace-nowrap text-slate-600 tabular-nums" />
      ),
    },
    {
      id: "enabled",
      header: "Status",
      className: "w-24",
      cell: (user) =>
        user.enabled ? (
          <Badge tone="success" dot>
            Enabled
          </Badge>
        ) : (
          <Badge tone="neutral" dot>
            Disabled
          </Badge>
        ),
    },
  ];
}
