"use client";

import { Alert } from "@/components/ui/alert";
import { apiRequest } from "@/components/ui/api-request";
import { ConfirmActionButton } from "@/components/ui/confirm-action-button";

/** Deletes a server and its tools after the manager types its slug. */
export function DeleteServerButton({ slug }: { slug: string }) {
  return (
    <ConfirmActionButton
      label="Delete"
      variant="danger"
      title={`Delete server ${slug}?`}
      description="The server and all its tools leave the catalog; MCP clients using it are refused from the next request. This cannot be undone — to pause it, disable it instead."
      confirmLabel="Delete server"
      destructive
      typedConfirmation={slug}
      action={() => apiRequest("DELETE", `/api/servers/${slug}`)}
      success={{
        title: `Deleted ${slug}`,
        description: "Its tools are gone; group rules naming it now match nothing.",
      }}
      redirectTo="/"
    >
      <Alert tone="warning">
        Group rules naming <span className="font-mono">{slug}</span> stay and then match nothing. If a server with this
        slug is registered again, those rules grant it again — remove them under Settings › IAM › Groups if that is not
        wanted.
      </Alert>
    </ConfirmActionButton>
  );
}
