"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ConfirmActionButton } from "@/components/ui/confirm-action-button";
import { useToast } from "@/components/ui/toast";
import { useApiCall } from "@/components/ui/use-api-call";
import type { GroupMembers } from "@/lib/iam/groups/find-group-members";
import { changeMembership, type MemberKind } from "./change-membership";
import { MemberPicker } from "./member-picker";

const KINDS: {
  kind: MemberKind;
  title: string;
  noun: string;
  href: string;
  members: keyof Pick<GroupMembers, "users" | "m2mAccounts">;
  total: keyof Pick<GroupMembers, "userTotal" | "m2mTotal">;
}[] = [
  { kind: "user", title: "Users", noun: "user", href: "/settings/iam/users", members: "users", total: "userTotal" },
  {
    kind: "m2m",
    title: "M2M accounts",
    noun: "M2M account",
    href: "/settings/iam/m2m-accounts",
    members: "m2mAccounts",
    total: "m2mTotal",
  },
];

/**
 * Assigned members, added and removed here through the same PATCH of the member's groups that
 * the user and M2M account pages use. Principals mapped through Entra ids join at sign-in.
 */
export function GroupMembersSection({
  group,
  members,
  canWrite,
}: {
  group: string;
  members: GroupMembers;
  canWrite: boolean;
}) {
  const router = useRouter();
  const toast = useToast();
  const { pending, error, run } = useApiCall();
  // Who the last add was for, so its refusal can name them.
  const [adding, setAdding] = useState("");

  async function add(kind: MemberKind, id: string, name: string) {
    await run(async () => {
      setAdding(name);
      await changeMembership(kind, id, group, true);
      toast({ title: `${name} added to ${group}`, description: "Their access changes on their next request." });
      router.refresh();
    });
  }

  return (
    <Card aria-labelledby="members-heading">
      <CardHeader
        id="members-heading"
        title="Members"
        description="Assigned users and M2M accounts. Principals mapped through Entra group ids or app roles join at sign-in or per token and are not listed."
      />
      <CardBody className="space-y-3">
        {error ? (
          <Alert tone="danger" title="Membership not changed">
            {`${adding} was not added: ${error}`}
          </Alert>
        ) : null}
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          {KINDS.map(({ kind, title, noun, href, members: key, total }) => {
            const list = members[key];
            return (
              <section key={kind} aria-label={title} className="min-w-0 space-y-2">
                <h3 className="text-xs font-medium tracking-wide text-slate-500 uppercase">
                  {title} <span className="text-slate-400">({members[total]})</span>
                </h3>
                {canWrite ? (
                  <MemberPicker
                    kind={kind}
                    group={group}
                    label={`Add ${noun}`}
                    disabled={pending}
                    onPick={(option) => void add(kind, option.id, option.name)}
                  />
                ) : null}
                {list.length === 0 ? (
                  <p className="text-[13px] text-slate-500">
                    {canWrite ? `No ${noun}s are assigned. Search above to add one.` : `No ${noun}s are assigned.`}
                  </p>
                ) : (
                  <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
                    {list.map((member) => (
                      <li key={member.id} className="flex items-center justify-between gap-2 px-2.5 py-1.5 text-[13px]">
                        <span className="min-w-0 truncate">
                          <Link href={`${href}/${member.id}`} className="font-medium text-indigo-700 hover:underline">
                            {member.name}
                          </Link>
                          {member.detail ? <span className="ml-2 text-slate-500">{member.detail}</span> : null}
                        </span>
                        <span className="flex shrink-0 items-center gap-2">
                          {member.enabled ? null : <Badge tone="neutral">disabled</Badge>}
                          {canWrite ? (
                            <ConfirmActionButton
                              label="Remove"
                              aria-label={`Remove ${member.name}`}
                              size="sm"
                              variant="danger-ghost"
                              disabled={pending}
                              title={`Remove ${member.name} from ${group}?`}
                              description="They lose what this group grants on their next request, unless another group grants it too."
                              confirmLabel="Remove"
                              destructive
                              action={() => changeMembership(kind, member.id, group, false)}
                              success={{ title: `${member.name} removed from ${group}` }}
                            />
                          ) : null}
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
                {members[total] > list.length ? (
                  <p className="text-xs text-slate-500">
                    Showing {list.length} of {members[total]}.
                  </p>
                ) : null}
              </section>
            );
          })}
        </div>
        {canWrite ? null : (
          <p className="text-xs text-slate-500">Read-only: changing members needs the iam:write permission.</p>
        )}
      </CardBody>
    </Card>
  );
}
