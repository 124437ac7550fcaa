"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { useToast } from "@/components/ui/toast";
import { importGroupJson, type GroupDraft } from "./group-draft";

/**
 * Paste a group as JSON; it is checked with the API's create schema and, when valid, replaces
 * the parts of the form it contains (the others keep their values). Nothing is saved until "Save changes".
 */
export function ImportGroupJsonButton({
  currentName,
  current,
  onImport,
}: {
  currentName: string | null;
  current: GroupDraft;
  onImport: (draft: GroupDraft) => void;
}) {
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [failure, setFailure] = useState<{ message: string; errors: string[] } | null>(null);

  function apply() {
    const result = importGroupJson(text, currentName, current);
    if (!result.ok) return setFailure({ message: result.message, errors: result.errors });
    onImport(result.draft);
    setOpen(false);
    setText("");
    setFailure(null);
    toast({
      title: "JSON imported into the form",
      description: [
        ...result.notes,
        `Review the sections, then ${currentName ? "Save changes" : "Create group"}.`,
      ].join(" "),
      tone: "info",
    });
  }

  return (
    <>
      <Button size="sm" onClick={() => setOpen(true)}>
        Import JSON
      </Button>
      <Dialog
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          if (!next) setFailure(null);
        }}
        size="lg"
        title="Import group JSON"
        description="Paste a group (as the JSON tab shows it, or a create request body). The parts it contains (description, Entra mappings, rules, permissions) replace the form's; parts it leaves out keep their values. Nothing is saved yet."
        footer={
          <>
            <Button onClick={() => setOpen(false)}>Cancel</Button>
            <Button variant="primary" onClick={apply} disabled={!text.trim()}>
              Fill the form
            </Button>
          </>
        }
      >
        <div className="space-y-3">
          <FormField label="Group JSON">
            {(control) => (
              <Textarea
                {...control}
                value={text}
                onChange={(event) => {
                  setText(event.target.value);
                  setFailure(null);
                }}
                rows={14}
                spellCheck={false}
                className="font-mono text-xs"
                placeholder={
                  '{\n  "name": "team-payments",\n  "description": "…",\n  "entraMappings": { "groups": [], "appRoles": [] },\n  "serverAccess": [{ "server": "*", "methods": ["tools/list"], "tools": ["*"] }],\n  "permissions": []\n}'
                }
                data-autofocus
              />
            )}
          </FormField>
          {failure ? (
            <Alert tone="danger" title={failure.message}>
              {failure.errors.length > 0 ? (
                <ul className="mt-1 list-disc space-y-0.5 pl-4 font-mono text-xs">
                  {failure.errors.slice(0, 12).map((error) => (
                    <li key={error}>{error}</li>
                  ))}
                </ul>
              ) : null}
            </Alert>
          ) : null}
        </div>
      </Dialog>
    </>
  );
}
