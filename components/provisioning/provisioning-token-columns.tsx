import { Badge } from "@/components/ui/badge";
import type { Column } from "@/components/ui/data-table";
import { formatDateTime, Time } from "@/components/ui/time";
import type { ProvisioningTokenRecord } from "@/lib/iam/provisioning-tokens/schemas";
import { RevokeProvisioningTokenButton } from "./revoke-provisioning-token-button";

/** Columns of the provisioning secret list; actions only for those who hold iam:write. */
export function provisioningTokenColumns(canWrite: boolean): Column<ProvisioningTokenRecord>[] {
  return [
    {
      id: "name",
      header: "Name",
      rowHeader: true,
      cell: (token) => (
        <div>
          <span className="font-medium text-slate-900">{token.name}</span>
          <p
            className="font-mono text-xs font-normal whitespace-nowrap text-slate-500"
            title="Secret stub: prefix and last characters"
          >
            {token.stub}
          </p>
        </div>
      ),
    },
    {
      id: "tenant",
      header: "Tenant",
      cell: (token) => <span className="font-mono text-xs break-all text-slate-600">{token.tenantId}</span>,
    },
    {
      id: "created",
      header: "Created",
      cell: (token) => (
        <div>
          <Time value={token.createdAt} />
          {token.createdBy ? <p className="text-xs text-slate-500">by {token.createdBy}</p> : null}
        </div>
      ),
    },
    { id: "lastUsed", header: "Last used", cell: (token) => <Time value={token.lastUsedAt} /> },
    {
      id: "status",
      header: "Status",
      cell: (token) =>
        token.revokedAt ? (
          <Badge tone="danger" dot title={`Revoked ${formatDateTime(token.revokedAt)}`}>
            Revoked
          </Badge>
        ) : (
          <Badge tone="success" dot>
            Active
          </Badge>
        ),
    },
    {
      id: "actions",
      header: <span className="sr-only">Actions</span>,
      className: "text-right",
      cell: (token) =>
        canWrite && !token.revokedAt ? <RevokeProvisioningTokenButton id={token.id} name={token.name} /> : null,
    },
  ];
}
