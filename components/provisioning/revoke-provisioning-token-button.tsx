"use client";

import { apiRequest } from "@/components/ui/api-request";
import { ConfirmActionButton } from "@/components/ui/confirm-action-button";

/** Revoke one provisioning secret, after confirmation. */
export function RevokeProvisioningTokenButton({ id, name }: { id: string; name: string }) {
  return (
    <ConfirmActionButton
      label="Revoke"
      aria-label={`Revoke ${name}`}
      size="sm"
      variant="danger-ghost"
      title={`Revoke ${name}?`}
      description="Entra's provisioning with this secret stops on its next cycle (it reports 401 Unauthorized). Users and groups already provisioned stay as they are. This cannot be undone."
      confirmLabel="Revoke secret"
      destructive
      action={() => apiRequest("DELETE", `/api/iam/provisioning-tokens/${id}`)}
      success={{
        title: `Revoked ${name}`,
        description: "Entra's provisioning requests with this secret are refused from now on.",
      }}
    />
  );
}
