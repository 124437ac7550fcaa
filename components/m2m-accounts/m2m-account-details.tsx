import type { ReactNode } from "react";
import { BadgeList } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { Time } from "@/components/ui/time";
import type { M2mAccountRecord } from "@/lib/iam/m2m-accounts/schemas";

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-[13px] text-slate-800">{children}</dd>
    </div>
  );
}

function Guid({ value, label }: { value: string; label: string }) {
  return (
    <span className="flex items-center gap-1.5">
      <code className="font-mono text-[12.5px] break-all">{value}</code>
      <CopyButton value={value} label={`Copy ${label}`} variant="ghost" />
    </span>
  );
}

export function M2mAccountDetails({ account }: { account: M2mAccountRecord }) {
  return (
    <Card aria-labelledby="details-heading">
      <CardHeader id="details-heading" title="Details" />
      <CardBody>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-3 sm:grid-cols-2">
          <Item label="Tenant id">
            <Guid value={account.tenantId} label="tenant id" />
          </Item>
          <Item label="Client id">
            <Guid value={account.clientId} label="client id" />
          </Item>
          <Item label="Groups">
            <BadgeList items={account.groups} tone="accent" mono empty="No groups" />
          </Item>
          <Item label="Last used">
            <Time value={account.lastUsedAt} />
          </Item>
          <Item label="Created">
            <Time value={account.createdAt} />{" "}
            {account.createdBy ? <span className="text-slate-500">by {account.createdBy}</span> : null}
          </Item>
          <Item label="Updated">
            <Time value={account.updatedAt} />
          </Item>
        </dl>
      </CardBody>
    </Card>
  );
}
