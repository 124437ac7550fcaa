import type { Metadata } from "next";
import { AccessExplorer } from "@/components/access-explorer/access-explorer";
import { requirePageSession } from "@/components/layout/require-session";
import { PageHeader } from "@/components/ui/page-header";
import { orNotFound } from "@/lib/http/or-not-found";
import { findGroups } from "@/lib/iam/groups/find-groups";
import { findM2mAccounts, m2mAccountListQuery } from "@/lib/iam/m2m-accounts/find-m2m-accounts";
import { findUsers, userListQuery } from "@/lib/iam/users/find-users";

export const metadata: Metadata = { title: "Access Explorer" };

type SearchParams = Record<string, string | string[] | undefined>;

/** `?userId=`, `?m2mAccountId=` or `?groupName=` (from "View access" links) preselects the subject. */
function initialSubject(params: SearchParams): { kind: "user" | "m2m" | "group"; subject: string } | undefined {
  const first = (key: string) => (typeof params[key] === "string" ? (params[key] as string) : undefined);
  if (first("userId")) return { kind: "user", subject: first("userId")! };
  if (first("m2mAccountId")) return { kind: "m2m", subject: first("m2mAccountId")! };
  if (first("groupName")) return { kind: "group", subject: first("groupName")! };
  return undefined;
}

/** `?server=&tool=&method=` preselects the "can it call…?" question. */
function initialQuestion(params: SearchParams) {
  const first = (key: string) => (typeof params[key] === "string" ? (params[key] as string) : "");
  return { server: first("server"), tool: first("tool"), method: first("method") };
}

export default async function AccessExplorerPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const initial = initialSubject(params);
  const session = await requirePageSession("/settings/access-explorer");
  // iam:read, checked by each list (and by POST /api/iam/explain); without it the page is not revealed (404).
  const [users, accounts, groups] = await orNotFound(
    Promise.all([
      findUsers(session, userListQuery.parse({ limit: 200 })),
      findM2mAccounts(session, m2mAccountListQuery.parse({ limit: 200 })),
      findGroups(session, { limit: 200 }),
    ]),
  );
  return (
    <>
      <PageHeader
        title="Access Explorer"
        description="See the registry through someone else's eyes: each validation step, the groups that apply and why, and every server and tool they can see."
      />
      <AccessExplorer
        users={users.items.map((u) => ({ value: u.id, label: `${u.displayName}${u.enabled ? "" : " (disabled)"}` }))}
        m2mAccounts={accounts.items.map((a) => ({ value: a.id, label: `${a.name} · ${a.clientId}` }))}
        groups={groups.items.map((g) => ({ value: g.name, label: g.name }))}
        initial={initial}
        initialQuestion={initialQuestion(params)}
      />
    </>
  );
}
