"use client";

import { useEffect, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { apiRequest, errorMessage } from "@/components/ui/api-request";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { zodFieldErrors } from "@/components/ui/form-errors";
import { rotateTokenSchema } from "@/lib/tokens/schemas";

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
  const [grace, setGrace] = useState("24");
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    if (!open) return;
    setGrace("24");
    setFieldError(undefined);
    setFailure(null);
  }, [open]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = rotateTokenSchema.safeParse({ graceHours: grace.trim() === "" ? Number.NaN : Number(grace) });
    if (!parsed.success) {
      setFieldError(zodFieldErrors(parsed.error).graceHours ?? "Enter a whole number of hours from 0 to 168.");
      return;
    }
    setFieldError(undefined);
    setFailure(null);
    setPending(true);
    try {
      const rotated = await apiRequest<{ token: string }>("POST", `/api/tokens/${id}/rotate`, parsed.data);
      onRotated(rotated.token, parsed.data.graceHours);
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setPending(false);
    }
  }

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
          error={fieldError}
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
                value={grace}
                onChange={(e) => setGrace(e.target.value)}
              />
            </div>
          )}
        </FormField>
        {failure ? <Alert tone="danger">{failure}</Alert> : null}
      </form>
    </Dialog>
  );
}
