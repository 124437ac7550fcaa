import type { ReactNode } from "react";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

/** `create`: the next step, a create button (the page passes its dialog). */
export function TokensEmptyState({ q, create }: { q?: string; create?: ReactNode }) {
  if (q) {
    return (
      <EmptyState
        title={`No tokens named like “${q}”`}
        description="Search matches token names."
        action={<ButtonLink href="/settings/tokens">Clear search</ButtonLink>}
      />
    );
  }
  return (
    <EmptyState
      title="No API tokens yet"
      description="Create a token to let an MCP client, script or CI job call the registry as you. Restrict it to the servers it needs and give it a short expiry."
      action={create}
    />
  );
}
