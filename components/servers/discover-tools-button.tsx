"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { apiRequest, errorMessage } from "@/components/ui/api-request";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";
import type { ToolDiff } from "@/lib/servers/discovery/diff-tools";
import type { ToolRecord } from "@/lib/servers/schemas";
import { toToolInput, useToolEditor } from "./tool-editor";
import { ToolImportPreview } from "./tool-import-preview";

type Discovery =
  { state: "asking" } | { state: "failed"; message: string } | { state: "found"; tools: ToolRecord[]; diff: ToolDiff };

/**
 * Asks the server's upstream for its tools (POST …/discover, a dry run), shows what would change,
 * and applies exactly the list that was shown (PUT …/tools, one audited change).
 */
export function DiscoverToolsButton() {
  const editor = useToolEditor();
  const [open, setOpen] = useState(false);
  const [discovery, setDiscovery] = useState<Discovery>({ state: "asking" });
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const found = discovery.state === "found" ? discovery : null;
  const changes = found ? found.diff.added.length + found.diff.changed.length + found.diff.removed.length : 0;

  async function discover() {
    setDiscovery({ state: "asking" });
    setFailure(null);
    setOpen(true);
    try {
      const result = await apiRequest<{ tools: ToolRecord[]; diff: ToolDiff }>(
        "POST",
        `/api/servers/${editor.slug}/discover`,
        {},
      );
      setDiscovery({ state: "found", tools: result.tools, diff: result.diff });
    } catch (error) {
      setDiscovery({ state: "failed", message: errorMessage(error) });
    }
  }

  async function apply() {
    if (!found) return;
    setPending(true);
    const error = await editor.save(found.tools.map(toToolInput), "Applied the discovered tools");
    setPending(false);
    setFailure(error);
    if (!error) setOpen(false);
  }

  return (
    <>
      <Button size="sm" onClick={discover}>
        Discover tools
      </Button>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        dismissible={!pending}
        size="lg"
        title="Discover tools"
        description="The registry connects to the server's upstream as an MCP client (with its upstream credentials) and lists its tools. Nothing changes until you apply."
        footer={
          <>
            <Button onClick={() => setOpen(false)} disabled={pending}>
              Cancel
            </Button>
            {discovery.state === "failed" ? <Button onClick={discover}>Try again</Button> : null}
            <Button variant="primary" onClick={apply} disabled={!found || changes === 0} pending={pending}>
              Apply
            </Button>
          </>
        }
      >
        <div className="space-y-3" aria-live="polite">
          {discovery.state === "asking" ? (
            <p role="status" className="flex items-center gap-2 text-[13px] text-slate-700">
              <Spinner /> Asking the upstream for its tools…
            </p>
          ) : null}
          {discovery.state === "failed" ? (
            <Alert tone="danger" title="Discovery failed">
              {discovery.message}
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
          {failure ? <Alert tone="danger">{failure}</Alert> : null}
        </div>
      </Dialog>
    </>
  );
}
