import { EmptyState } from "@/components/ui/empty-state";
import type { ToolRecord } from "@/lib/servers/schemas";
import { AddToolButton } from "./add-tool-button";
import { ImportToolsButton } from "./import-tools-dialog";
import { ToolEditorProvider } from "./tool-editor";
import { ToolList } from "./tool-list";
import { ToolRowActions } from "./tool-row-actions";

/** The tool list with add, edit, remove and import, for catalog managers. */
export function ManagedToolList({ slug, tools }: { slug: string; tools: ToolRecord[] }) {
  return (
    <ToolEditorProvider slug={slug} tools={tools}>
      <ToolList
        tools={tools}
        manage={{
          actions: (
            <>
              <ImportToolsButton />
              <AddToolButton />
            </>
          ),
          toolActions: (tool) => <ToolRowActions name={tool.name} />,
          empty: <EmptyState title="No tools yet" description="Add the tools this server offers, one by one or by importing its tools/list JSON." action={<AddToolButton variant="primary" />} />,
        }}
      />
    </ToolEditorProvider>
  );
}
