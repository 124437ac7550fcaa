"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmActionButton } from "@/components/ui/confirm-action-button";
import { toolDraft } from "./tool-draft";
import { useToolEditor } from "./tool-editor";
import { ToolFormDialog } from "./tool-form-dialog";

/** Edit and Remove for one tool of the server's list. */
export function ToolRowActions({ name }: { name: string }) {
  const editor = useToolEditor();
  const [editing, setEditing] = useState(false);
  const [opening, setOpening] = useState(0);
  const tool = editor.tools.find((item) => item.name === name);
  if (!tool) return null;
  const others = editor.tools.filter((item) => item.name !== name);

  return (
    <div className="flex shrink-0 gap-1">
      <Button
        size="sm"
        variant="ghost"
        onClick={() => {
          setOpening((n) => n + 1);
          setEditing(true);
        }}
        aria-label={`Edit tool ${name}`}
      >
        Edit
      </Button>
      <ToolFormDialog
        key={opening}
        open={editing}
        onOpenChange={setEditing}
        title={`Edit tool ${name}`}
        submitLabel="Save tool"
        initial={() => toolDraft(tool)}
        otherNames={others.map((item) => item.name)}
        onSave={async (next) => {
          await editor.save(
            editor.tools.map((item) => (item.name === name ? next : item)),
            `Saved tool ${next.name}`,
          );
          setEditing(false);
        }}
      />
      <ConfirmActionButton
        label="Remove"
        aria-label={`Remove tool ${name}`}
        size="sm"
        variant="danger-ghost"
        title={`Remove tool ${name}?`}
        description="Clients can no longer list or call it through the registry. Group rules naming it stay and match nothing until a tool with this name is added again."
        confirmLabel="Remove tool"
        destructive
        // The editor toasts and refreshes itself.
        action={() => editor.save(others, `Removed tool ${name}`)}
        refresh={false}
      />
    </div>
  );
}
