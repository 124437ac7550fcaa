"use client";

import { apiRequest } from "@/components/ui/api-request";
import { ConfirmActionButton } from "@/components/ui/confirm-action-button";

/**
 * "Sign out everywhere": ends all of a user's browser sessions after a confirmation (a lost
 * laptop, a shared machine). Signing yourself out ends this session too, so the page then goes
 * to sign-in.
 */
export function SignOutUserButton({ id, displayName, isSelf }: { id: string; displayName: string; isSelf: boolean }) {
  return (
    <ConfirmActionButton
      label="Sign out everywhere"
      title={`Sign ${displayName} out everywhere?`}
      description="Every browser session of this user ends at once."
      confirmLabel="Sign out everywhere"
      destructive
      action={async () => {
        const { endedSessions } = await apiRequest<{ endedSessions: number }>(
          "POST",
          `/api/iam/users/${encodeURIComponent(id)}/sign-out`,
        );
        if (isSelf) window.location.assign("/sign-in");
        return endedSessions;
      }}
      success={(endedSessions) =>
        isSelf
          ? null
          : {
              title:
                endedSessions === 0 ? `${displayName} had no active sessions` : `Signed ${displayName} out everywhere`,
              description:
                endedSessions === 0
                  ? "Nothing was ended."
                  : `${endedSessions} ${endedSessions === 1 ? "session" : "sessions"} ended. They can sign in again.`,
              tone: "success",
            }
      }
      refresh={false}
    >
      <ul className="list-disc space-y-1 pl-5 text-[13px] text-slate-700">
        <li>They can sign in again right away; to keep them out, disable the user.</li>
        <li>Their registry API tokens keep working; revoke those on their own.</li>
        {isSelf ? <li className="font-medium text-red-700">This is you: this session ends too.</li> : null}
      </ul>
    </ConfirmActionButton>
  );
}
