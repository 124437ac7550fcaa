"use client";

import type { FormEvent, ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { FieldErrors } from "@/components/ui/form-errors";
import type { ServerDraft, ServerField } from "./server-draft";
import { ServerFields } from "./server-fields";

interface ServerFormDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  description: ReactNode;
  submitLabel: string;
  form: {
    draft: ServerDraft;
    errors: FieldErrors;
    change: (field: ServerField, value: string) => void;
    blur: (field: ServerField) => void;
  };
  slugEditable: boolean;
  pending: boolean;
  failure: string | null;
  onSubmit: () => void;
}

/** The server form in a dialog: Enter submits, Escape cancels, focus starts on the first field. */
export function ServerFormDialog({
  open,
  onOpenChange,
  title,
  description,
  submitLabel,
  form,
  slugEditable,
  pending,
  failure,
  onSubmit,
}: ServerFormDialogProps) {
  const formId = slugEditable ? "register-server-form" : "edit-server-form";
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
            {submitLabel}
          </Button>
        </>
      }
    >
      <form
        id={formId}
        noValidate
        className="space-y-4"
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          if (!pending) onSubmit();
        }}
      >
        <ServerFields
          draft={form.draft}
          errors={form.errors}
          onChange={form.change}
          onBlur={form.blur}
          slugEditable={slugEditable}
          disabled={pending}
        />
        {failure ? <Alert tone="danger">{failure}</Alert> : null}
      </form>
    </Dialog>
  );
}
