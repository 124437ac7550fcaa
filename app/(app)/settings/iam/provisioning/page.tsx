import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { pathWithQuery, requirePageSession } from "@/components/layout/require-session";
import { ConnectEntraBox } from "@/components/provisioning/connect-entra-box";
import { CreateProvisioningTokenDialog } from "@/components/provisioning/create-provisioning-token-dialog";
import { ProvisioningEmptyState } from "@/components/provisioning/provisioning-empty-state";
import { provisioningTokenColumns } from "@/components/provisioning/provisioning-token-columns";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { param, type SearchParamsRecord } from "@/components/ui/url-state";
import { hasPermission } from "@/lib/access/effective-access";
import { getConfig } from "@/lib/config";
import { findProvisioningTokens } from "@/lib/iam/provisioning-tokens/find-provisioning-tokens";
import { pageQuery } from "@/lib/validation/common";

export const metadata: Metadata = { title: "Provisioning" };

const BASE = "/settings/iam/provisioning";

export default async function ProvisioningPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const params = await searchParams;
  const session = await requirePageSession(pathWithQuery(BASE, params));
  const { access } = session;
  // The nav hides this page without iam:read; the server refuses it too.
  if (!hasPermission(access, "iam:read")) notFound();
  const canWrite = hasPermission(access, "iam:write");
  const parsed = pageQuery.safeParse({ limit: 50, cursor: param(params, "cursor") || undefined });
  const page = await findProvisioningTokens(session, parsed.success ? parsed.data : { limit: 50 });
  const config = getConfig();

  return (
    <>
      <PageHeader
        title="Provisioning"
        description="SCIM 2.0 provisioning from Microsoft Entra ID: users are created before their first sign-in, updated, and disabled when unassigned; Entra groups feed your group mappings."
        actions={canWrite ? <CreateProvisioningTokenDialog tenantIds={config.entra.tenantIds} /> : null}
      />
      <ConnectEntraBox tenantUrl={`${config.registryUrl}/scim/v2`} />
      <DataTable
        caption="Provisioning secrets"
        columns={provisioningTokenColumns(canWrite)}
        rows={page.items}
        rowKey={(token) => token.id}
        empty={<ProvisioningEmptyState canWrite={canWrite} />}
        paging={{ basePath: BASE, params, nextCursor: page.nextCursor }}
      />
    </>
  );
}
