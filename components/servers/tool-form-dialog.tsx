"use client";

import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import type { ToolInput } from "@/lib/servers/schemas";
import { checkTool, TOOL_DESCRIPTION_MAX, TOOL_NAME_MAX, type ToolDraft, type ToolField } from "./tool-draft";

interface ToolFormDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  submitLabel: string;
  /** Called when the dialog mounts (a new `key` per opening starts it fresh). */
  initial: () => ToolDraft;
  otherNames: string[];
  /** Saves the checked tool; resolves to an error message, or null when saved. */
  onSave: (tool: ToolInput) => Promise<string | null>;
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
  const [draft, setDraft] = useState(initial);
  const [touched, setTouched] = useState<Set<ToolField>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  // Every tool row keeps a closed dialog mounted: check only while open.
  const result = open ? checkTool(draft, otherNames) : null;
  const error = (field: ToolField) => (submitted || touched.has(field) ? result?.errors[field] : undefined);
  const set = (field: ToolField, value: string) => setDraft((current) => ({ ...current, [field]: value }));
  const leave = (field: ToolField) => setTouched((current) => new Set(current).add(field));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (!result?.ok || pending) return;
    setPending(true);
    setFailure(await onSave(result.tool));
    setPending(false);
  }

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
          error={error("name")}
          hint={
            <span className="flex justify-between gap-3">
              <span>Letters, digits, _ . - /</span>
              {counter(draft.name.length, TOOL_NAME_MAX)}
            </span>
          }
        >
          {(control) => (
            <Input
              {...control}
              mono
              data-autofocus
              value={draft.name}
              disabled={pending}
              onChange={(e) => set("name", e.target.value)}
              onBlur={() => leave("name")}
              autoComplete="off"
              spellCheck={false}
            />
          )}
        </FormField>
        <FormField
          label="Description"
          error={error("description")}
          hint={
            <span className="flex justify-between gap-3">
              <span>What the tool does, for people and models.</span>
              {counter(draft.description.length, TOOL_DESCRIPTION_MAX)}
            </span>
          }
        >
          {(control) => (
            <Textarea
              {...control}
              rows={2}
              value={draft.description}
              disabled={pending}
              onChange={(e) => set("description", e.target.value)}
              onBlur={() => leave("description")}
            />
          )}
        </FormField>
        <FormField
          label="Input schema (JSON)"
          error={error("inputSchema")}
          hint="A JSON Schema object describing the tool's arguments."
        >
          {(control) => (
            <Textarea
              {...control}
              rows={8}
              className="font-mono text-[12.5px]"
              value={draft.inputSchema}
              disabled={pending}
              onChange={(e) => set("inputSchema", e.target.value)}
              onBlur={() => leave("inputSchema")}
              spellCheck={false}
            />
          )}
        </FormField>
        {failure ? <Alert tone="danger">{failure}</Alert> : null}
      </form>
    </Dialog>
  );
}
