"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { apiRequest } from "@/components/ui/api-request";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { jsonTextSchema } from "@/components/ui/json-text-schema";
import { JsonTextField } from "@/components/ui/json-text-field";
import { useToast } from "@/components/ui/toast";
import { useApiForm } from "@/components/ui/use-api-form";
import { readImportBody, type ImportReport } from "@/lib/servers/official/import-schemas";
import { ServerImportPreview } from "./server-import-preview";

/** The pasted text: JSON in one of the shapes the API reads (its own reader); each document is checked by the dry run. */
const importFormSchema = z.object({
  documents: jsonTextSchema().transform((value, ctx) => {
    const read = readImportBody(value);
    if (read) return read.documents;
    ctx.addIssue({
      code: "custom",
      message:
        "Paste one server.json object, an array of them (at most 200), or a registry's { servers: [...] } answer.",
    });
    return z.NEVER;
  }),
});

/**
 * "Import server.json": paste or upload one or many official server.json documents, preview
 * what the registry would create or update (a dry run on the server), then apply.
 */
export function ImportServerJsonButton() {
  const router = useRouter();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const { form, pending, formError, fieldError, setField, onSubmit } = useApiForm({
    schema: importFormSchema,
    defaultValues: { documents: "" },
    // The API names a part of the pasted documents ("documents.0.name"); its message says which, the one text field could not.
    fieldFor: () => null,
  });
  const ready = report && report.summary.error === 0 && report.summary.create + report.summary.update > 0;

  const send = (dryRun: boolean) =>
    onSubmit(async ({ documents }) => {
      const answer = await apiRequest<ImportReport>("POST", "/api/servers/import", { dryRun, documents });
      if (dryRun) return setReport(answer);
      setOpen(false);
      toast({
        title: `Imported ${answer.summary.create} new and ${answer.summary.update} updated servers`,
        description: "Group rules decide who sees them.",
      });
      router.refresh();
    });
  const preview = send(true);
  const apply = send(false);

  // A preview belongs to the text it was made from.
  function edited() {
    setReport(null);
    form.clearErrors("root");
  }

  async function upload(file: File | undefined) {
    if (!file) return;
    setField("documents", await file.text());
    edited();
  }

  return (
    <>
      <Button
        onClick={() => {
          form.reset({ documents: "" });
          setReport(null);
          setOpen(true);
        }}
      >
        Import server.json
      </Button>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        dismissible={!pending}
        size="lg"
        title="Import server.json"
        description="Official MCP Registry server.json documents: one, an array, or a registry's { servers: [...] } answer. Preview first: nothing is saved until you apply."
        footer={
          <>
            <Button onClick={() => setOpen(false)} disabled={pending}>
              Cancel
            </Button>
            <Button type="submit" form="import-server-json-form" disabled={pending}>
              Preview
            </Button>
            <Button variant="primary" onClick={apply} disabled={!ready} pending={pending && Boolean(report)}>
              Apply import
            </Button>
          </>
        }
      >
        <form id="import-server-json-form" noValidate onSubmit={preview} className="min-w-0 space-y-3">
          <JsonTextField
            label="server.json documents"
            hint="Each needs name (reverse-DNS, e.g. io.github.acme/weather), description, version and a streamable-http or sse remote."
            {...form.register("documents", { onChange: edited })}
            error={fieldError("documents")}
            disabled={pending}
            data-autofocus
          />
          <label className="block min-w-0 text-[13px] text-slate-700">
            <span className="mr-2">Or upload a file:</span>
            <input
              type="file"
              accept="application/json,.json"
              className="max-w-full text-[13px]"
              disabled={pending}
              onChange={(e) => upload(e.target.files?.[0])}
            />
          </label>
          {formError ? <Alert tone="danger">{formError}</Alert> : null}
          {report ? <ServerImportPreview report={report} /> : null}
        </form>
      </Dialog>
    </>
  );
}
