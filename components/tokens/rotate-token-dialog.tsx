"use client";

import { useEffect } from "react";
import { Alert } from "@/components/ui/alert";
import { apiRequest } from "@/components/ui/api-request";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useApiForm } from "@/components/ui/use-api-form";
import { rotateTokenSchema } from "@/lib/tokens/schemas";

// The schema's own messages name the wire field; every way to get it wrong has one plain answer.
const GRACE_ERROR = "Enter a whole number of hours from 0 to 168.";

/** Asks for the grace period, rotates, and hands the new secret to `onRotated`. */
export function RotateTokenDialog({
  id,
  name,
  open,
  onOpenChange,
  onRotated,
}: {
  id: string;
  name: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onRotated: (secret: string, graceHours: number) => void;
}) {
  const { form, pending, formError, fieldError, onSubmit } = useApiForm({
    schema: rotateTokenSchema,
    defaultValues: { graceHours: 24 },
  });
  const { reset } = form;

  useEffect(() => {
    if (open) reset({ graceHours: 24 });
  }, [open, reset]);

  const submit = onSubmit(async (values) => {
    const rotated = await apiRequest<{ token: string }>("POST", `/api/tokens/${id}/rotate`, values);
    onRotated(rotated.token, values.graceHours);
  });

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      dismissible={!pending}
      size="sm"
      title={`Rotate ${name}`}
      description="Issues a new secret for this token. The old secret keeps working during the grace period so you can roll it out, then stops."
      footer={
        <>
          <Button onClick={() => onOpenChange(false)} disabled={pending}>
            Cancel
          </Button>
          <Button variant="primary" type="submit" form={`rotate-${id}`} pending={pending}>
            {pending ? "Rotating…" : "Rotate token"}
          </Button>
        </>
      }
    >
      <form id={`rotate-${id}`} noValidate onSubmit={submit} className="space-y-3">
        <FormField
          label="Grace period (hours)"
          hint="0 stops the old secret at once; at most 168 (7 days). Default 24."
          error={fieldError("graceHours") ? GRACE_ERROR : undefined}
          required
        >
          {(control) => (
            <div className="w-32">
              <Input
                {...control}
                type="number"
                inputMode="numeric"
                min={0}
                max={168}
                step={1}
                {...form.register("graceHours", { valueAsNumber: true })}
              />
            </div>
          )}
        </FormField>
        {formError ? <Alert tone="danger">{formError}</Alert> : null}
      </form>
    </Dialog>
  );
}
