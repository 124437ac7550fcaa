import type { ReactNode } from "react";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

/** `link`: the next step for editors, a link button (the page passes its dialog). */
export function M2mAccountsEmptyState({
  q,
  filtered = false,
  canWrite,
  link,
}: {
  q?: string;
  filtered?: boolean;
  canWrite: boolean;
  link?: ReactNode;
}) {
  if (q || filtered) {
    return (
      <EmptyState
        title={q ? `No M2M accounts match “${q}”` : "No M2M accounts match these filters"}
        description="Search matches the account name, or the start of a tenant or client id; the status, group, expiry and usage filters narrow it further."
        action={<ButtonLink href="/settings/iam/m2m-accounts">Clear search and filters</ButtonLink>}
      />
    );
  }
  return (
    <EmptyState
      title="No M2M accounts yet"
      description={
        canWrite
          ? "Link an Entra ID app registration (tenant id + client id) to give an agent, CI job or script access through its own client-credentials token."
          : "No Entra apps are linked yet. An admin with iam:write can link one."
      }
      action={canWrite ? link : undefined}
    />
  );
}
