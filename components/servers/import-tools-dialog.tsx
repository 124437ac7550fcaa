"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { useToolEditor } from "./tool-editor";
import { checkToolImport, type ToolImportCheck } from "./tool-import-diff";
import { ToolImportPreview } from "./tool-import-preview";

/** Paste tools as JSON, preview what changes (a dry run), then replace the list. */
export function ImportToolsButton() {
  const editor = useToolEditor();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [preview, setPreview] = useState<ToolImportCheck | null>(null);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const ready = preview?.ok ? preview : null;

  async function apply() {
    if (!ready) return;
    setPending(true);
    const error = await editor.save(ready.tools, "Imported tools");
    setPending(false);
    setFailure(error);
    if (!error) setOpen(false);
  }

  return (
    <>
      <Button
        size="sm"
        onClick={() => {
          setText("");
          setPreview(null);
          setFailure(null);
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
            <Button onClick={() => setPreview(checkToolImport(text, editor.tools))} disabled={pending}>
              Preview
            </Button>
            <Button variant="primary" onClick={apply} disabled={!ready} pending={pending}>
              Apply import
            </Button>
          </>
        }
      >
        <div className="space-y-3">
          <FormField
            label="Tools JSON"
            hint='An array of { "name", "description", "inputSchema" }, or { "tools": [...] } as returned by tools/list.'
          >
            {(control) => (
              <Textarea
                {...control}
                rows={10}
                className="font-mono text-[12.5px]"
                value={text}
                disabled={pending}
                spellCheck={false}
                onChange={(e) => {
                  setText(e.target.value);
                  setPreview(null);
                }}
                data-autofocus
              />
            )}
          </FormField>
          {preview && !preview.ok ? <Alert tone="danger">{preview.message}</Alert> : null}
          {ready ? <ToolImportPreview diff={ready.diff} /> : null}
          {failure ? <Alert tone="danger">{failure}</Alert> : null}
        </div>
      </Dialog>
    </>
  );
}
