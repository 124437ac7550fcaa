"use client";

import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { JsonTextField } from "@/components/ui/json-text-field";
import { useToast } from "@/components/ui/toast";
import { useApiForm } from "@/components/ui/use-api-form";
import type { GroupDraft } from "./group-draft";
import { groupImportFormSchema } from "./group-json-import";

const PLACEHOLDER =
  '{\n  "name": "team-payments",\n  "description": "…",\n  "entraMappings": { "groups": [], "appRoles": [] },\n  "serverAccess": [{ "server": "*", "methods": ["tools/list"], "tools": ["*"] }],\n  "permissions": []\n}';

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
  const schema = useMemo(() => groupImportFormSchema(currentName, current), [currentName, current]);
  const { form, fieldError, onSubmit } = useApiForm({ schema, defaultValues: { json: "" } });
  const text = form.watch("json");

  // Not a <form>: the dialog renders inside the group editor's form, and React would bubble its submit there.
  const fill = onSubmit(async ({ json: result }) => {
    onImport(result.draft);
    setOpen(false);
    form.reset({ json: "" });
    toast({
      title: "JSON imported into the form",
      description: [
        ...result.notes,
        `Review the sections, then ${currentName ? "Save changes" : "Create group"}.`,
      ].join(" "),
      tone: "info",
    });
  });

  function close() {
    setOpen(false);
    // The pasted text stays for the next opening; its errors do not.
    form.reset({ json: form.getValues("json") });
  }

  return (
    <>
      <Button size="sm" onClick={() => setOpen(true)}>
        Import JSON
      </Button>
      <Dialog
        open={open}
        onOpenChange={(next) => (next ? setOpen(true) : close())}
        size="lg"
        title="Import group JSON"
        description="Paste a group (as the JSON tab shows it, or a create request body). The parts it contains (description, Entra mappings, rules, permissions) replace the form's; parts it leaves out keep their values. Nothing is saved yet."
        footer={
          <>
            <Button onClick={close}>Cancel</Button>
            <Button variant="primary" onClick={fill} disabled={!text.trim()}>
              Fill the form
            </Button>
          </>
        }
      >
        <JsonTextField
          label="Group JSON"
          rows={14}
          {...form.register("json")}
          error={fieldError("json")}
          placeholder={PLACEHOLDER}
          data-autofocus
        />
      </Dialog>
    </>
  );
}
