import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { activityCursor, toObjectActivityProps } from "@/components/audit/object-activity-props";
import { findObjectActivity } from "@/lib/audit/find-object-activity";
import { orNotFound } from "@/lib/http/or-not-found";
import { ObjectActivity } from "@/components/audit/object-activity";
import { Tabs } from "@/components/ui/tabs";
import type { SearchParamsRecord } from "@/components/ui/url-state";
import { requirePageSession } from "@/components/layout/require-session";
import { CallApiPanel } from "@/components/m2m-accounts/call-api-panel";
import { emulatorAppSecret } from "@/lib/iam/m2m-accounts/emulator-app-secret";
import { DeleteM2mAccountButton } from "@/components/m2m-accounts/delete-m2m-account-button";
import { EditM2mAccountDialog } from "@/components/m2m-accounts/edit-m2m-account-dialog";
import { M2mAccountDetails } from "@/components/m2m-accounts/m2m-account-details";
import { LinkedAppHealthCard } from "@/components/m2m-accounts/linked-app-health";
import { PatchToggle } from "@/components/ui/patch-toggle";
import { refreshEntraApps } from "@/lib/iam/m2m-accounts/refresh-entra-app";
import { M2mViewAccessCard } from "@/components/m2m-accounts/m2m-view-access";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { hasPermission } from "@/lib/access/effective-access";
import { defaultAuthorityHost } from "@/lib/auth/entra/issuers";
import { getConfig } from "@/lib/config";
import { findGroups } from "@/lib/iam/groups/find-groups";
import { explainM2mAccount } from "@/lib/iam/m2m-accounts/explain-m2m-account";
import { getM2mAccount } from "@/lib/iam/m2m-accounts/find-m2m-accounts";

export const metadata: Metadata = { title: "M2M Account" };

export default async function M2mAccountPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParamsRecord>;
}) {
  const { id } = await params;
  const query = await searchParams;
  const session = await requirePageSession(`/settings/iam/m2m-accounts/${id}`);
  const { db, access } = session;
  if (!hasPermission(access, "iam:read")) notFound();
  if (id.length > 64) notFound();
  let account = await orNotFound(getM2mAccount(session, { id }));
  const fetchedAt = account.entraApp.fetchedAt ? new Date(account.entraApp.fetchedAt) : null;
  if ((await refreshEntraApps(db, [{ ...account, entraAppFetchedAt: fetchedAt }])) > 0)
    account = await orNotFound(getM2mAccount(session, { id }));
  const canWrite = hasPermission(access, "iam:write");
  const [view, groups, activity] = await Promise.all([
    explainM2mAccount(session, { id: account.id }),
    canWrite ? findGroups(session, { limit: 200 }) : null,
    findObjectActivity(session, {
      targetType: "m2m-account",
      targetId: account.id,
      cursor: activityCursor(query),
    }).then((page) =>
      toObjectActivityProps(page, "M2M account", { path: `/settings/iam/m2m-accounts/${account.id}`, params: query }),
    ),
  ]);
  const config = getConfig();
  const groupOptions = (groups?.items ?? []).map((group) => ({ name: group.name, description: group.description }));

  const details = (
    <div className="space-y-5">
      <M2mAccountDetails account={account} />
      <LinkedAppHealthCard account={account} now={Date.now()} />
      {view ? <M2mViewAccessCard view={view} enabled={account.enabled} /> : null}
      <CallApiPanel
        authorityHost={config.entra.authorityHost}
        tenantId={account.tenantId}
        clientId={account.clientId}
        apiClientId={config.entra.clientId}
        registryUrl={config.registryUrl}
        customAuthority={config.entra.authorityHost !== defaultAuthorityHost(config.entra.cloud)}
        caCertPath={config.entra.emulatorCaCert}
        demoSecret={await emulatorAppSecret(account.tenantId, account.clientId)}
      />
    </div>
  );

  return (
    <div className="space-y-5">
      <PageHeader
        className="mb-0"
        breadcrumbs={
          <Link href="/settings/iam/m2m-accounts" className="hover:text-slate-800 hover:underline">
            M2M Accounts
          </Link>
        }
        title={
          <span className="flex items-center gap-2">
            {account.name}
            {account.enabled ? (
              <Badge tone="success" dot>
                Enabled
              </Badge>
            ) : (
              <Badge dot>Disabled</Badge>
            )}
          </span>
        }
        description={account.description || "No description."}
        actions={
          canWrite ? (
            <>
              <PatchToggle
                url={`/api/iam/m2m-accounts/${account.id}`}
                field="enabled"
                checked={account.enabled}
                version={account.version}
                label="Enabled"
                offLabel="Disabled"
                success={{
                  on: { title: `${account.name} enabled`, description: "The app can call the API again." },
                  off: {
                    title: `${account.name} disabled`,
                    description: "Its Entra tokens are refused (403 client_not_registered) from the next request.",
                  },
                }}
              />
              <EditM2mAccountDialog account={account} groupOptions={groupOptions} />
              <DeleteM2mAccountButton id={account.id} name={account.name} />
            </>
          ) : (
            <span className="text-xs text-slate-500">Read-only: changing M2M accounts needs iam:write.</span>
          )
        }
      />
      {activity ? (
        <Tabs
          label="M2M account views"
          defaultTab={activity.newestHref ? "activity" : undefined}
          items={[
            { id: "account", label: "Account", content: details },
            { id: "activity", label: "Activity", content: <ObjectActivity {...activity} /> },
          ]}
        />
      ) : (
        details
      )}
    </div>
  );
}
