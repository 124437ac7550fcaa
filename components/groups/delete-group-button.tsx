"use client";

import { apiRequest } from "@/components/ui/api-request";
import { Badge } from "@/components/ui/badge";
import { ConfirmActionButton } from "@/components/ui/confirm-action-button";

/** Delete with a typed confirmation; built-in groups show as protected instead. */
export function DeleteGroupButton({
  name,
  protectedGroup,
  memberCount,
}: {
  name: string;
  protectedGroup: boolean;
  memberCount: number;
}) {
  if (protectedGroup) {
    return (
      <Badge tone="neutral" title="Built-in groups cannot be deleted">
        <svg aria-hidden="true" viewBox="0 0 16 16" className="size-3" fill="none">
          <rect x="3.5" y="7" width="9" height="6.5" rx="1.2" stroke="currentColor" strokeWidth="1.3" />
          <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" stroke="currentColor" strokeWidth="1.3" />
        </svg>
        Protected: cannot be deleted
      </Badge>
    );
  }

  return (
    <ConfirmActionButton
      label="Delete group"
      className="text-red-700! hover:bg-red-50!"
      title={`Delete group ${name}?`}
      description="This cannot be undone."
      confirmLabel="Delete group"
      destructive
      typedConfirmation={name}
      action={() => apiRequest("DELETE", `/api/iam/groups/${encodeURIComponent(name)}`)}
      success={{ title: "Group deleted", description: `${name} is gone; its members lost the access it granted.` }}
      redirectTo="/settings/iam/groups"
    >
      <ul className="list-disc space-y-1 pl-5 text-[13px] text-slate-700">
        <li>
          {memberCount === 0
            ? "No users or M2M accounts are assigned to it."
            : `${memberCount} assigned member${memberCount === 1 ? "" : "s"} (users and M2M accounts) lose the access it grants on their next request.`}
        </li>
        <li>Principals mapped to it through Entra group ids or app roles lose that access too.</li>
        <li>API tokens limited to this group lose it; the deletion is recorded in the audit log.</li>
      </ul>
    </ConfirmActionButton>
  );
}
