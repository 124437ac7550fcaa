"use client";

import { useMemo } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { useApiForm } from "@/components/ui/use-api-form";
import type { ToolInput } from "@/lib/servers/schemas";
import { TOOL_DESCRIPTION_MAX, TOOL_NAME_MAX, toolFormSchema, type ToolDraft } from "./tool-draft";

interface ToolFormDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  submitLabel: string;
  /** Called when the dialog mounts (a new `key` per opening starts it fresh). */
  initial: () => ToolDraft;
  otherNames: string[];
  /** Saves the checked tool; a rejection (the API's refusal) is shown in the dialog. */
  onSave: (tool: ToolInput) => Promise<void>;
}

const counter = (length: number, max: number) => (
  <span className={length > max ? "text-red-700 tabular-nums" : "tabular-nums"}>{`${length}/${max}`}</span>
);

/** Add or edit one tool. Errors show once a field was left, or for all fields on submit. */
export function ToolFormDialog({
  open,
  onOpenChange,
  title,
  submitLabel,
  initial,
  otherNames,
  onSave,
}: ToolFormDialogProps) {
  const schema = useMemo(() => toolFormSchema(otherNames), [otherNames]);
  const { form, pending, formError, fieldError, onSubmit } = useApiForm({ schema, defaultValues: initial() });
  const [name, description] = form.watch(["name", "description"]);

  const submit = onSubmit(onSave);

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      dismissible={!pending}
      size="lg"
      title={title}
      description="Saved at once: the server's whole tool list is replaced with the result."
      footer={
        <>
          <Button onClick={() => onOpenChange(false)} disabled={pending}>
            Cancel
          </Button>
          <Button variant="primary" type="submit" form="tool-form" pending={pending}>
            {submitLabel}
          </Button>
        </>
      }
    >
      <form id="tool-form" noValidate onSubmit={submit} className="space-y-4">
        <FormField
          label="Name"
          required
          error={fieldError("name")}
          hint={
            <span className="flex justify-between gap-3">
              <span>Letters, digits, _ . - /</span>
              {counter(name.length, TOOL_NAME_MAX)}
            </span>
          }
        >
          {(control) => (
            <Input
              {...control}
              mono
              data-autofocus
              {...form.register("name")}
              disabled={pending}
              autoComplete="off"
              spellCheck={false}
            />
          )}
        </FormField>
        <FormField
          label="Description"
          error={fieldError("description")}
          hint={
            <span className="flex justify-between gap-3">
              <span>What the tool does, for people and models.</span>
              {counter(description.length, TOOL_DESCRIPTION_MAX)}
            </span>
          }
        >
          {(control) => <Textarea {...control} rows={2} {...form.register("description")} disabled={pending} />}
        </FormField>
        <FormField
          label="Input schema (JSON)"
          error={fieldError("inputSchema")}
          hint="A JSON Schema object describing the tool's arguments."
        >
          {(control) => (
            <Textarea
              {...control}
              rows={8}
              className="font-mono text-[12.5px]"
              {...form.register("inputSchema")}
              disabled={pending}
              spellCheck={false}
            />
          )}
        </FormField>
        {formError ? <Alert tone="danger">{formError}</Alert> : null}
      </form>
    </Dialog>
  );
}
