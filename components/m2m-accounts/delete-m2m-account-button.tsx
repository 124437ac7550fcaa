"use client";

import { apiRequest } from "@/components/ui/api-request";
import { ConfirmActionButton } from "@/components/ui/confirm-action-button";

/** Deletes the account after the admin types its name; the app loses access at once. */
export function DeleteM2mAccountButton({ id, name }: { id: string; name: string }) {
  return (
    <ConfirmActionButton
      label="Delete"
      variant="danger"
      title={`Delete M2M account ${name}?`}
      description="The Entra app registration is not touched, but its tokens are refused by the registry from the next request. This cannot be undone — to pause access, disable the account instead."
      confirmLabel="Delete account"
      destructive
      typedConfirmation={name}
      action={() => apiRequest("DELETE", `/api/iam/m2m-accounts/${id}`)}
      success={{ title: `Deleted ${name}`, description: "The Entra app can no longer call the registry." }}
      redirectTo="/settings/iam/m2m-accounts"
    />
  );
}
