"use client";

import { useId, useState, type ReactNode } from "react";
import { Alert } from "./alert";
import { Button } from "./button";
import { Dialog } from "./dialog";
import { FormField } from "./form-field";
import { Input } from "./input";

export interface ConfirmDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  description?: ReactNode;
  /** Extra content (consequences, a list of what goes away). */
  children?: ReactNode;
  confirmLabel?: string;
  /** Red confirm button (deletes, revocations). */
  destructive?: boolean;
  /** When set, the user must type this exact text before confirming. */
  typedConfirmation?: string;
  pending?: boolean;
  /** Shown inside the dialog when the action failed. */
  error?: string | null;
  onConfirm: () => void;
}

/** A confirmation step for destructive or irreversible actions (role="alertdialog"). */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  description,
  children,
  confirmLabel = "Confirm",
  destructive,
  typedConfirmation,
  pending,
  error,
  onConfirm,
}: ConfirmDialogProps) {
  const [typed, setTyped] = useState("");
  const formId = useId();
  const matches = !typedConfirmation || typed === typedConfirmation;
  const close = (next: boolean) => {
    if (!next) setTyped("");
    onOpenChange(next);
  };
  return (
    <Dialog
      open={open}
      onOpenChange={close}
      role="alertdialog"
      size="sm"
      title={title}
      description={description}
      dismissible={!pending}
      footer={
        <>
          {/* The least destructive choice takes focus unless a typed confirmation is asked for (it comes first). */}
          <Button onClick={() => close(false)} disabled={pending} data-autofocus>
            Cancel
          </Button>
          <Button
            variant={destructive ? "danger" : "primary"}
            pending={pending}
            disabled={!matches}
            type="submit"
            form={formId}
          >
            {confirmLabel}
          </Button>
        </>
      }
    >
      <form
        id={formId}
        className="space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          if (matches && !pending) onConfirm();
        }}
      >
        {children}
        {typedConfirmation ? (
          <FormField
            label={
              <>
                Type <span className="font-mono font-semibold">{typedConfirmation}</span> to confirm
              </>
            }
          >
            {(control) => (
              <Input
                {...control}
                value={typed}
                onChange={(event) => setTyped(event.target.value)}
                autoComplete="off"
                spellCheck={false}
                data-autofocus
              />
            )}
          </FormField>
        ) : null}
        {error ? <Alert tone="danger">{error}</Alert> : null}
      </form>
    </Dialog>
  );
}
