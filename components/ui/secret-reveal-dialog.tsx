"use client";

import { useId, type ReactNode } from "react";
import { Alert } from "./alert";
import { Button } from "./button";
import { CopyButton } from "./copy-button";
import { Dialog } from "./dialog";

export interface SecretRevealDialogProps {
  /** The secret; the dialog is open while it is not null. */
  secret: string | null;
  title: string;
  description: ReactNode;
  /** The field's accessible name: "New API token". */
  label: string;
  /** For the buttons: "token" → "Copy token", "I have copied the token". */
  noun: string;
  /** Why it is shown once and what to do if it is lost. */
  notice: ReactNode;
  /** Where and how to use it, under the secret. */
  children?: ReactNode;
  "data-testid"?: string;
  onClose: () => void;
}

/**
 * Shows a new secret this one time: read-only field (selected on focus), copy button, a
 * "shown only once" warning. Only the acknowledge button closes it: Esc and outside clicks do
 * not, so the secret cannot be lost by a stray key.
 */
export function SecretRevealDialog({
  secret,
  title,
  description,
  label,
  noun,
  notice,
  children,
  "data-testid": testId,
  onClose,
}: SecretRevealDialogProps) {
  const fieldId = useId();
  return (
    <Dialog
      open={secret !== null}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      dismissible={false}
      title={title}
      description={description}
      footer={
        <Button variant="primary" onClick={onClose}>
          I have copied the {noun}
        </Button>
      }
    >
      <div className="space-y-3">
        <Alert tone="warning" title="Shown only once">
          {notice}
        </Alert>
        <div className="flex items-center gap-2">
          <label htmlFor={fieldId} className="sr-only">
            {label}
          </label>
          <input
            id={fieldId}
            data-testid={testId}
            readOnly
            value={secret ?? ""}
            onFocus={(event) => event.currentTarget.select()}
            className="h-9 min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-2.5 font-mono text-[12.5px] text-slate-900 focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/25 focus:outline-none"
          />
          <CopyButton value={secret ?? ""} label={`Copy ${noun}`} size="md" variant="primary" />
        </div>
        {children}
      </div>
    </Dialog>
  );
}
