"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { apiRequest, errorMessage } from "@/components/ui/api-request";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { parseJsonText } from "@/components/ui/parse-json-text";
import { Textarea } from "@/components/ui/textarea";
import { useToast } from "@/components/ui/toast";
import type { ImportReport } from "@/lib/servers/official/import-schemas";
import { ServerImportPreview } from "./server-import-preview";

/**
 * "Import server.json": paste or upload one or many official server.json documents, preview
 * what the registry would create or update (a dry run on the server), then apply.
 */
export function ImportServerJsonButton() {
  const router = useRouter();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [report, setReport] = useState<ImportReport | null>(null);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const ready = report && report.summary.error === 0 && report.summary.create + report.summary.update > 0;

  function edit(value: string) {
    setText(value);
    setReport(null);
    setFailure(null);
  }

  async function send(dryRun: boolean) {
    const parsed = parseJsonText(text);
    if (!parsed.ok) return setFailure(parsed.message);
    setPending(true);
    setFailure(null);
    try {
      const answer = await apiRequest<ImportReport>("POST", "/api/servers/import", { dryRun, documents: parsed.value });
      if (dryRun) return setReport(answer);
      setOpen(false);
      toast({
        title: `Imported ${answer.summary.create} new and ${answer.summary.update} updated servers`,
        description: "Group rules decide who sees them.",
      });
      router.refresh();
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setPending(false);
    }
  }

  async function upload(file: File | undefined) {
    if (file) edit(await file.text());
  }

  return (
    <>
      <Button
        onClick={() => {
          edit("");
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
            <Button onClick={() => send(true)} disabled={pending}>
              Preview
            </Button>
            <Button
              variant="primary"
              onClick={() => send(false)}
              disabled={!ready}
              pending={pending && Boolean(report)}
            >
              Apply import
            </Button>
          </>
        }
      >
        <div className="min-w-0 space-y-3">
          <FormField
            label="server.json documents"
            hint="Each needs name (reverse-DNS, e.g. io.github.acme/weather), description, version and a streamable-http or sse remote."
          >
            {(control) => (
              <Textarea
                {...control}
                rows={10}
                className="font-mono text-[12.5px]"
                value={text}
                disabled={pending}
                spellCheck={false}
                onChange={(e) => edit(e.target.value)}
                data-autofocus
              />
            )}
          </FormField>
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
          {failure ? <Alert tone="danger">{failure}</Alert> : null}
          {report ? <ServerImportPreview report={report} /> : null}
        </div>
      </Dialog>
    </>
  );
}
