"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog } from "@/components/ui/dialog";

/** Shows a new provisioning secret this one time, with copy and where to paste it in Entra. */
export function ProvisioningSecretDialog({
  secret,
  name,
  onClose,
}: {
  secret: string | null;
  name: string;
  onClose: () => void;
}) {
  return (
    <Dialog
      open={secret !== null}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      dismissible={false}
      title={`Provisioning secret ${name} created`}
      description="Copy the secret now and paste it into Entra as the Secret Token. You will not be able to see it again."
      footer={
        <Button variant="primary" onClick={onClose}>
          I have copied the secret
        </Button>
      }
    >
      <div className="space-y-3">
        <Alert tone="warning" title="Shown only once">
          The registry keeps only a hash of this secret. If you lose it, create a new one, update Entra, then revoke
          this one.
        </Alert>
        <div className="flex items-center gap-2">
          <label htmlFor="new-provisioning-secret" className="sr-only">
            New provisioning secret
          </label>
          <input
            id="new-provisioning-secret"
            data-testid="provisioning-secret"
            readOnly
            value={secret ?? ""}
            onFocus={(event) => event.currentTarget.select()}
            className="h-9 min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-2.5 font-mono text-[12.5px] text-slate-900 focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/25 focus:outline-none"
          />
          <CopyButton value={secret ?? ""} label="Copy secret" size="md" variant="primary" />
        </div>
        <p className="text-xs text-slate-500">
          It works only for SCIM provisioning at <code className="font-mono">/scim/v2</code>; the API and the MCP
          gateway refuse it.
        </p>
      </div>
    </Dialog>
  );
}
