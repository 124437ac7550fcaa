"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { UserRecord } from "@/lib/iam/users/schemas";
import { useUserUpdate } from "./use-user-update";

/**
 * Disable (after confirmation) or enable a user. The API refuses disabling yourself or the
 * last admin with a 409 whose message is shown as is.
 */
export function UserStatusButton({ user, isSelf }: { user: UserRecord; isSelf: boolean }) {
  const [open, setOpen] = useState(false);
  const { update, pending, error, clearError } = useUserUpdate(user);

  if (!user.enabled) {
    return (
      <Button
        pending={pending}
        onClick={() =>
          void update(
            { enabled: true },
            { title: "User enabled", description: `${user.displayName} can sign in again.` },
          )
        }
      >
        Enable user
      </Button>
    );
  }

  return (
    <>
      <Button onClick={() => setOpen(true)} className="text-red-700! hover:bg-red-50!">
        Disable user
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          if (!next) clearError();
        }}
        title={`Disable ${user.displayName}?`}
        description="You can enable the user again later."
        confirmLabel="Disable user"
        destructive
        pending={pending}
        error={error}
        onConfirm={async () => {
          if (
            await update(
              { enabled: false },
              { title: "User disabled", description: `${user.displayName} is signed out and cannot sign in.` },
            )
          )
            setOpen(false);
        }}
      >
        <ul className="list-disc space-y-1 pl-5 text-[13px] text-slate-700">
          <li>Their sessions end at once and they cannot sign in.</li>
          <li>Every registry API token they own stops working on its next request.</li>
          <li>Their group assignments are kept, for when you enable them again.</li>
          {isSelf ? (
            <li className="font-medium text-red-700">This is you: the registry will refuse, ask another admin.</li>
          ) : null}
        </ul>
      </ConfirmDialog>
    </>
  );
}
