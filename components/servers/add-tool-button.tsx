"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { EMPTY_TOOL_DRAFT } from "./tool-draft";
import { useToolEditor } from "./tool-editor";
import { ToolFormDialog } from "./tool-form-dialog";

export function AddToolButton({ variant = "secondary" }: { variant?: "primary" | "secondary" }) {
  const editor = useToolEditor();
  const [open, setOpen] = useState(false);
  // A new key per opening starts the form fresh; staying mounted lets the dialog return focus on close.
  const [opening, setOpening] = useState(0);
  return (
    <>
      <Button
        size="sm"
        variant={variant}
        onClick={() => {
          setOpening((n) => n + 1);
          setOpen(true);
        }}
      >
        Add tool
      </Button>
      <ToolFormDialog
        key={opening}
        open={open}
        onOpenChange={setOpen}
        title="Add tool"
        submitLabel="Add tool"
        initial={() => EMPTY_TOOL_DRAFT}
        otherNames={editor.tools.map((tool) => tool.name)}
        onSave={async (tool) => {
          await editor.save([...editor.tools, tool], `Added tool ${tool.name}`);
          setOpen(false);
        }}
      />
    </>
  );
}
