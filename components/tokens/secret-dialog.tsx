"use client";

import { SecretRevealDialog } from "@/components/ui/secret-reveal-dialog";

/** Shows a new token secret this one time, with copy and a clear warning. */
export function SecretDialog({
  secret,
  title,
  note,
  onClose,
}: {
  secret: string | null;
  title: string;
  note?: string;
  onClose: () => void;
}) {
  return (
    <SecretRevealDialog
      secret={secret}
      title={title}
      description="Copy the token now and store it in a secret manager. You will not be able to see it again."
      label="New API token"
      noun="token"
      notice="The registry keeps only a hash of this token. If you lose it, rotate the token or create a new one."
      data-testid="token-secret"
      onClose={onClose}
    >
      {note ? <p className="text-[13px] text-slate-600">{note}</p> : null}
      <p className="text-xs text-slate-500">
        Use it as <code className="font-mono">Authorization: Bearer &lt;token&gt;</code> for the API and the MCP
        gateway.
      </p>
    </SecretRevealDialog>
  );
}
