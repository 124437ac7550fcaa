"use client";

import { SecretRevealDialog } from "@/components/ui/secret-reveal-dialog";

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
    <SecretRevealDialog
      secret={secret}
      title={`Provisioning secret ${name} created`}
      description="Copy the secret now and paste it into Entra as the Secret Token. You will not be able to see it again."
      label="New provisioning secret"
      noun="secret"
      notice="The registry keeps only a hash of this secret. If you lose it, create a new one, update Entra, then revoke this one."
      data-testid="provisioning-secret"
      onClose={onClose}
    >
      <p className="text-xs text-slate-500">
        It works only for SCIM provisioning at <code className="font-mono">/scim/v2</code>; the API and the MCP gateway
        refuse it.
      </p>
    </SecretRevealDialog>
  );
}
