"use client";

import { useMemo, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { JsonTextField } from "@/components/ui/json-text-field";
import { useApiForm } from "@/components/ui/use-api-form";
import { useToolEditor } from "./tool-editor";
import { toolImportFormSchema, type ToolImportDiff } from "./tool-import-diff";
import { ToolImportPreview } from "./tool-import-preview";

/** Paste tools as JSON, preview what changes (a dry run), then replace the list. */
export function ImportToolsButton() {
  const editor = useToolEditor();
  const [open, setOpen] = useState(false);
  const [preview, setPreview] = useState<ToolImportDiff | null>(null);
  const schema = useMemo(() => toolImportFormSchema(editor.tools), [editor.tools]);
  const { form, pending, formError, fieldError, onSubmit } = useApiForm({
    schema,
    defaultValues: { tools: "" },
    // The API names a part of the pasted list ("tools.3.name"); its message says which, the one text field could not.
    fieldFor: () => null,
  });

  const check = onSubmit(async ({ tools }) => setPreview(tools.diff));
  // Applies the text that was previewed: editing it drops the preview, so Apply needs a new one.
  const apply = onSubmit(async ({ tools }) => {
    await editor.save(tools.tools, "Imported tools");
    setOpen(false);
  });

  return (
    <>
      <Button
        size="sm"
        onClick={() => {
          form.reset({ tools: "" });
          setPreview(null);
          setOpen(true);
        }}
      >
        Import JSON
      </Button>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        dismissible={!pending}
        size="lg"
        title="Import tools as JSON"
        description="The pasted list replaces the server's tools. Preview first: nothing is saved until you apply."
        footer={
          <>
            <Button onClick={() => setOpen(false)} disabled={pending}>
              Cancel
            </Button>
            <Button type="submit" form="import-tools-form" disabled={pending}>
              Preview
            </Button>
            <Button variant="primary" onClick={apply} disabled={!preview} pending={pending && Boolean(preview)}>
              Apply import
            </Button>
          </>
        }
      >
        <form id="import-tools-form" noValidate onSubmit={check} className="space-y-3">
          <JsonTextField
            label="Tools JSON"
            hint='An array of { "name", "description", "inputSchema" }, or { "tools": [...] } as returned by tools/list.'
            {...form.register("tools", {
              onChange: () => {
                setPreview(null);
                form.clearErrors("root");
              },
            })}
            error={fieldError("tools")}
            disabled={pending}
            data-autofocus
          />
          {preview ? <ToolImportPreview diff={preview} /> : null}
          {formError ? <Alert tone="danger">{formError}</Alert> : null}
        </form>
      </Dialog>
    </>
  );
}
