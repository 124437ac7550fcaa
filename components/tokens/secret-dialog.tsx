"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog } from "@/components/ui/dialog";

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
    <Dialog
      open={secret !== null}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      dismissible={false}
      title={title}
      description="Copy the token now and store it in a secret manager. You will not be able to see it again."
      footer={
        <Button variant="primary" onClick={onClose}>
          I have copied the token
        </Button>
      }
    >
      <div className="space-y-3">
        <Alert tone="warning" title="Shown only once">
          The registry keeps only a hash of this token. If you lose it, rotate the token or create a new one.
        </Alert>
        <div className="flex items-center gap-2">
          <label htmlFor="new-token-secret" className="sr-only">
            New API token
          </label>
          <input
            id="new-token-secret"
            data-testid="token-secret"
            readOnly
            value={secret ?? ""}
            onFocus={(event) => event.currentTarget.select()}
            className="h-9 min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-2.5 font-mono text-[12.5px] text-slate-900 focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/25 focus:outline-none"
          />
          <CopyButton value={secret ?? ""} label="Copy token" size="md" variant="primary" />
        </div>
        {note ? <p className="text-[13px] text-slate-600">{note}</p> : null}
        <p className="text-xs text-slate-500">
          Use it as <code className="font-mono">Authorization: Bearer &lt;token&gt;</code> for the API and the MCP
          gateway.
        </p>
      </div>
    </Dialog>
  );
}
