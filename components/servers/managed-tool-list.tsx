import { EmptyState } from "@/components/ui/empty-state";
import type { ToolRecord } from "@/lib/servers/schemas";
import { AddToolButton } from "./add-tool-button";
import { DiscoverToolsButton } from "./discover-tools-button";
import { ImportToolsButton } from "./import-tools-dialog";
import { ToolEditorProvider } from "./tool-editor";
import { ToolList } from "./tool-list";
import { ToolRowActions } from "./tool-row-actions";

/** The tool list with add, edit, remove, import and discovery from the upstream, for catalog managers. */
export function ManagedToolList({ slug, tools }: { slug: string; tools: ToolRecord[] }) {
  return (
    <ToolEditorProvider slug={slug} tools={tools}>
      <ToolList
        tools={tools}
        manage={{
          actions: (
            <>
              <DiscoverToolsButton />
              <ImportToolsButton />
              <AddToolButton />
            </>
          ),
          toolActions: (tool) => <ToolRowActions name={tool.name} />,
          empty: (
            <EmptyState
              title="No tools yet"
              description="Discover the tools from the server's upstream, add them one by one, or import its tools/list JSON."
              action={<AddToolButton variant="primary" />}
            />
          ),
        }}
      />
    </ToolEditorProvider>
  );
}
