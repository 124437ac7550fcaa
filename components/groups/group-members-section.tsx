import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";

export interface MemberLink {
  id: string;
  name: string;
  detail: string | null;
  enabled: boolean;
}

function MemberList({ title, members, total, hrefFor, empty }: { title: string; members: MemberLink[]; total: number; hrefFor: (id: string) => string; empty: string }) {
  return (
    <div>
      <h3 className="mb-1.5 text-xs font-medium tracking-wide text-slate-500 uppercase">
        {title} <span className="text-slate-400">({total})</span>
      </h3>
      {members.length === 0 ? (
        <p className="text-[13px] text-slate-500">{empty}</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
          {members.map((member) => (
            <li key={member.id} className="flex items-center justify-between gap-2 px-2.5 py-1.5 text-[13px]">
              <span className="min-w-0 truncate">
                <Link href={hrefFor(member.id)} className="font-medium text-indigo-700 hover:underline">
                  {member.name}
                </Link>
                {member.detail ? <span className="ml-2 text-slate-500">{member.detail}</span> : null}
              </span>
              {member.enabled ? null : <Badge tone="neutral">disabled</Badge>}
            </li>
          ))}
        </ul>
      )}
      {total > members.length ? <p className="mt-1 text-xs text-slate-500">Showing {members.length} of {total}.</p> : null}
    </div>
  );
}

/** Read-only: membership is assigned on the user or the M2M account, never on the group. */
export function GroupMembersSection({ users, m2mAccounts, userTotal, m2mTotal }: { users: MemberLink[]; m2mAccounts: MemberLink[]; userTotal: number; m2mTotal: number }) {
  return (
    <Card aria-labelledby="members-heading">
      <CardHeader
        id="members-heading"
        title="Members"
        description={
          <>
            Assigned members. Membership is edited on each <Link href="/settings/iam/users" className="text-indigo-700 hover:underline">user</Link> or{" "}
            <Link href="/settings/iam/m2m-accounts" className="text-indigo-700 hover:underline">M2M account</Link>, not here. Principals mapped through Entra group ids or app roles join at sign-in or per token and are not listed.
          </>
        }
      />
      <CardBody className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <MemberList title="Users" members={users} total={userTotal} hrefFor={(id) => `/settings/iam/users/${id}`} empty="No users are assigned. Open a user and tick this group." />
        <MemberList title="M2M accounts" members={m2mAccounts} total={m2mTotal} hrefFor={(id) => `/settings/iam/m2m-accounts/${id}`} empty="No M2M accounts are assigned. Open an M2M account and tick this group." />
      </CardBody>
    </Card>
  );
}
