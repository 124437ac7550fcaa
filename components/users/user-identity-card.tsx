import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { Time } from "@/components/ui/time";
import type { UserRecord } from "@/lib/iam/users/schemas";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[6.5rem_minmax(0,1fr)] items-center gap-2 py-1.5">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="min-w-0 text-[13px] text-slate-800">{children}</dd>
    </div>
  );
}

function Id({ value, label }: { value: string; label: string }) {
  return (
    <span className="flex items-start justify-between gap-1">
      <span className="font-mono text-[11.5px] leading-5 break-all">{value}</span>
      <CopyButton value={value} label={`Copy ${label}`} variant="ghost" className="shrink-0" />
    </span>
  );
}

export function UserIdentityCard({ user }: { user: UserRecord }) {
  return (
    <Card aria-labelledby="identity-heading">
      <CardHeader
        id="identity-heading"
        title="Entra identity"
        description="Who this is in Entra ID; set at sign-in, read-only here."
      />
      <CardBody>
        <dl className="divide-y divide-slate-100">
          <Row label="Status">
            {user.enabled ? (
              <Badge tone="success" dot>
                Enabled
              </Badge>
            ) : (
              <Badge tone="neutral" dot>
                Disabled: cannot sign in
              </Badge>
            )}
          </Row>
          <Row label="Email">
            {user.email ? <span className="break-all">{user.email}</span> : <span className="text-slate-400">—</span>}
          </Row>
          <Row label="Tenant id">
            <Id value={user.tenantId} label="tenant id" />
          </Row>
          <Row label="Object id">
            <Id value={user.objectId} label="object id" />
          </Row>
          <Row label="Last sign-in">
            <Time value={user.lastSignInAt} empty="Never signed in (pre-provisioned)" />
          </Row>
          <Row label="Added">
            <Time value={user.createdAt} />
          </Row>
        </dl>
      </CardBody>
    </Card>
  );
}
