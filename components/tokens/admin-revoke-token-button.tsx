"use client";

import { apiRequest } from "@/components/ui/api-request";
import { ConfirmActionButton } from "@/components/ui/confirm-action-button";

/** Revokes another user's token (iam:write); the owner's clients fail on their next request. */
export function AdminRevokeTokenButton({ id, name, owner }: { id: string; name: string; owner: string }) {
  return (
    <ConfirmActionButton
      label="Revoke"
      aria-label={`Revoke ${name} of ${owner}`}
      size="sm"
      variant="danger-ghost"
      title={`Revoke ${owner}'s token ${name}?`}
      description="It stops working on its next request, on every instance. The owner can create a new one; this cannot be undone. The audit log records you as the actor."
      confirmLabel="Revoke token"
      destructive
      action={() => apiRequest("DELETE", `/api/iam/tokens/${encodeURIComponent(id)}`)}
      success={{
        title: `Revoked ${name}`,
        description: `${owner}'s clients using it are refused from their next request.`,
      }}
    />
  );
}
