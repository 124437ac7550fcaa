"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { apiRequest } from "@/components/ui/api-request";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";
import { useApiCall } from "@/components/ui/use-api-call";
import type { ToolDiff } from "@/lib/servers/discovery/diff-tools";
import type { ToolRecord } from "@/lib/servers/schemas";
import { toToolInput, useToolEditor } from "./tool-editor";
import { ToolImportPreview } from "./tool-import-preview";

type Discovered = { tools: ToolRecord[]; diff: ToolDiff };

/**
 * Asks the server's upstream for its tools (POST …/discover, a dry run), shows what would change,
 * and applies exactly the list that was shown (PUT …/tools, one audited change).
 */
export function DiscoverToolsButton() {
  const editor = useToolEditor();
  const [open, setOpen] = useState(false);
  const [found, setFound] = useState<Discovered | null>(null);
  const discovery = useApiCall();
  const applying = useApiCall();
  const changes = found ? found.diff.added.length + found.diff.changed.length + found.diff.removed.length : 0;

  async function discover() {
    setFound(null);
    applying.clearError();
    setOpen(true);
    await discovery.run(async () =>
      setFound(await apiRequest<Discovered>("POST", `/api/servers/${editor.slug}/discover`, {})),
    );
  }

  async function apply() {
    if (!found) return;
    const saved = await applying.run(() => editor.save(found.tools.map(toToolInput), "Applied the discovered tools"));
    if (saved) setOpen(false);
  }

  return (
    <>
      <Button size="sm" onClick={discover}>
        Discover tools
      </Button>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        dismissible={!applying.pending}
        size="lg"
        title="Discover tools"
        description="The registry connects to the server's upstream as an MCP client (with its upstream credentials) and lists its tools. Nothing changes until you apply."
        footer={
          <>
            <Button onClick={() => setOpen(false)} disabled={applying.pending}>
              Cancel
            </Button>
            {discovery.error ? <Button onClick={discover}>Try again</Button> : null}
            <Button variant="primary" onClick={apply} disabled={!found || changes === 0} pending={applying.pending}>
              Apply
            </Button>
          </>
        }
      >
        <div className="space-y-3" aria-live="polite">
          {discovery.pending ? (
            <p role="status" className="flex items-center gap-2 text-[13px] text-slate-700">
              <Spinner /> Asking the upstream for its tools…
            </p>
          ) : null}
          {discovery.error ? (
            <Alert tone="danger" title="Discovery failed">
              {discovery.error}
            </Alert>
          ) : null}
          {found ? (
            <>
              <p className="text-[13px] text-slate-700">{`The upstream lists ${found.tools.length} ${found.tools.length === 1 ? "tool" : "tools"}.${changes === 0 ? " The registry already matches it." : ""}`}</p>
              <ToolImportPreview
                diff={{ ...found.diff, unchanged: found.diff.unchanged.length }}
                label="Discovered changes"
              />
            </>
          ) : null}
          {applying.error ? <Alert tone="danger">{applying.error}</Alert> : null}
        </div>
      </Dialog>
    </>
  );
}
