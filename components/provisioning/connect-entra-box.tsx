import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";

/** The two values Entra's provisioning page asks for, and where they go. */
export function ConnectEntraBox({ tenantUrl }: { tenantUrl: string }) {
  return (
    <Card className="mb-4" aria-labelledby="connect-entra">
      <CardHeader id="connect-entra" title="How to connect Entra provisioning" />
      <CardBody className="space-y-2 text-[13px] text-slate-700">
        <p>
          In the Entra admin center, open your enterprise application → <strong>Provisioning</strong>, set the mode to{" "}
          <strong>Automatic</strong> and enter:
        </p>
        <dl className="grid gap-2 sm:grid-cols-[8rem_1fr]">
          <dt className="font-medium text-slate-900">Tenant URL</dt>
          <dd className="flex min-w-0 items-center gap-2">
            <code className="min-w-0 font-mono text-xs break-all" data-testid="scim-tenant-url">
              {tenantUrl}
            </code>
            <CopyButton value={tenantUrl} label="Copy Tenant URL" />
          </dd>
          <dt className="font-medium text-slate-900">Secret Token</dt>
          <dd>
            A provisioning secret created here (<code className="font-mono text-xs">mcps_…</code>, shown once).
          </dd>
        </dl>
        <p>
          Then <strong>Test Connection</strong>, keep the default mappings (objectId → externalId is the key), and start
          provisioning. Map registry groups to the provisioned Entra groups by their object ids. Step by step:{" "}
          <code className="font-mono text-xs">docs/provisioning.md</code>.
        </p>
      </CardBody>
    </Card>
  );
}
