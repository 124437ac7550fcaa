import Link from "next/link";
import type { Column } from "@/components/ui/data-table";
import { Time } from "@/components/ui/time";
import type { AdminTokenRecord } from "@/lib/tokens/find-all-tokens";
import { AdminRevokeTokenButton } from "./admin-revoke-token-button";
import { TokenStatusBadge } from "./token-status";

/** Columns of the admin view of everyone's tokens; `now` is fixed per render. */
export function adminTokenColumns(now: number, canRevoke: boolean): Column<AdminTokenRecord>[] {
  return [
    {
      id: "name",
      header: "Name",
      sortKey: "name",
      rowHeader: true,
      cell: (token) => (
        <div>
          <span className="font-medium text-slate-900">{token.name}</span>
          <p className="font-mono text-xs font-normal whitespace-nowrap text-slate-500">{token.stub}</p>
        </div>
      ),
    },
    {
      id: "owner",
      header: "Owner",
      cell: (token) => (
        <Link href={`/settings/iam/users/${token.owner.id}`} className="text-indigo-700 hover:underline">
          {token.owner.displayName}
        </Link>
      ),
    },
    { id: "status", header: "Status", cell: (token) => <TokenStatusBadge token={token} now={now} /> },
    { id: "created", header: "Created", sortKey: "createdAt", cell: (token) => <Time value={token.createdAt} /> },
    {
      id: "lastUsed",
      header: "Last used",
      sortKey: "lastUsedAt",
      cell: (token) => <Time value={token.lastUsedAt} empty="Never" />,
    },
    { id: "expires", header: "Expires", sortKey: "expiresAt", cell: (token) => <Time value={token.expiresAt} /> },
    ...(canRevoke
      ? [
          {
            id: "actions",
            header: <span className="sr-only">Actions</span>,
            cell: (token: AdminTokenRecord) =>
              token.revokedAt ? null : (
                <AdminRevokeTokenButton id={token.id} name={token.name} owner={token.owner.displayName} />
              ),
          },
        ]
      : []),
  ];
}
