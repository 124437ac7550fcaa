"use client";

import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ServerFields, type ServerForm } from "./server-fields";

interface ServerFormDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  description: ReactNode;
  submitLabel: string;
  pendingLabel: string;
  form: ServerForm;
  slugEditable: boolean;
  onSubmit: () => void;
}

/** The server form in a dialog: Enter submits, Escape cancels, focus starts on the first field. */
export function ServerFormDialog({
  open,
  onOpenChange,
  title,
  description,
  submitLabel,
  pendingLabel,
  form,
  slugEditable,
  onSubmit,
}: ServerFormDialogProps) {
  const formId = slugEditable ? "register-server-form" : "edit-server-form";
  const { pending, formError } = form;
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      dismissible={!pending}
      size="lg"
      title={title}
      description={description}
      footer={
        <>
          <Button onClick={() => onOpenChange(false)} disabled={pending}>
            Cancel
          </Button>
          <Button variant="primary" type="submit" form={formId} pending={pending}>
            {pending ? pendingLabel : submitLabel}
          </Button>
        </>
      }
    >
      <form id={formId} noValidate className="space-y-4" onSubmit={onSubmit}>
        <ServerFields form={form} slugEditable={slugEditable} disabled={pending} />
        {formError ? <Alert tone="danger">{formError}</Alert> : null}
      </form>
    </Dialog>
  );
}
