import Link from "next/link";
import { Badge, BadgeList } from "@/components/ui/badge";
import { ShortId } from "@/components/ui/short-id";
import type { Column } from "@/components/ui/data-table";
import { Time } from "@/components/ui/time";
import type { M2mAccountRecord } from "@/lib/iam/m2m-accounts/schemas";
import { CredentialBadge, TokenVersion } from "./linked-app-health";

export const m2mAccountColumns: Column<M2mAccountRecord>[] = [
  {
    id: "name",
    header: "Name",
    sortKey: "name",
    rowHeader: true,
    cell: (account) => (
      <div>
        <Link
          href={`/settings/iam/m2m-accounts/${account.id}`}
          className="font-medium text-slate-900 hover:text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
        >
          {account.name}
        </Link>
        {account.description ? (
          <p className="mt-0.5 line-clamp-1 max-w-xs text-xs font-normal text-slate-500">{account.description}</p>
        ) : null}
      </div>
    ),
  },
  // Secondary at laptop width (one tenant is the common case; both show on the account's page).
  {
    id: "tenantId",
    header: "Tenant id",
    hideBelow: "2xl",
    cell: (account) => <ShortId value={account.tenantId} label={`Copy tenant id of ${account.name}`} />,
  },
  {
    id: "clientId",
    header: "Client id",
    cell: (account) => <ShortId value={account.clientId} label={`Copy client id of ${account.name}`} />,
  },
  {
    id: "groups",
    header: "Groups",
    cell: (account) => <BadgeList items={account.groups} tone="accent" mono empty="No groups" />,
  },
  {
    id: "enabled",
    header: "Status",
    cell: (account) =>
      account.enabled ? (
        <Badge tone="success" dot>
          Enabled
        </Badge>
      ) : (
        <Badge tone="neutral" dot>
          Disabled
        </Badge>
      ),
  },
  {
    id: "lastUsed",
    header: "Last used",
    sortKey: "lastUsedAt",
    cell: (account) => (
      <div className="space-y-0.5">
        <Time value={account.lastUsedAt} />
        {account.lastTokenVersion ? (
          <p className="text-xs text-slate-500">
            token <TokenVersion version={account.lastTokenVersion} />
          </p>
        ) : null}
      </div>
    ),
  },
  {
    id: "credentials",
    header: "Credentials",
    cell: (account) => (
      <div className="space-y-0.5">
        <CredentialBadge credentials={account.entraApp.credentials} now={Date.now()} />
        {account.entraApp.displayName && account.entraApp.displayName !== account.name ? (
          <p className="text-xs text-slate-500">Entra: {account.entraApp.displayName}</p>
        ) : null}
      </div>
    ),
  },
  {
    id: "createdBy",
    header: "Created by",
    hideBelow: "2xl",
    cell: (account) => account.createdBy ?? <span className="text-slate-400">system</span>,
  },
];
