import type { ReactNode } from "react";
import { Card, CardHeader } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import { EmptyState } from "@/components/ui/empty-state";
import type { ToolRecord } from "@/lib/servers/schemas";

function prettySchema(schema: unknown): string {
  try {
    return JSON.stringify(schema ?? {}, null, 2);
  } catch {
    return String(schema);
  }
}

function propertyCount(schema: unknown): number {
  const properties = (schema as { properties?: unknown } | null)?.properties;
  return properties && typeof properties === "object" ? Object.keys(properties).length : 0;
}

interface ToolListProps {
  tools: ToolRecord[];
  /** Catalog managers: header actions (add, import), per-tool actions and their own empty state. */
  manage?: { actions: ReactNode; toolActions: (tool: ToolRecord) => ReactNode; empty: ReactNode };
}

/** The visible tools with collapsible, pretty-printed input schemas. */
export function ToolList({ tools, manage }: ToolListProps) {
  return (
    <Card aria-labelledby="tools-heading">
      <CardHeader
        id="tools-heading"
        title={`Tools (${tools.length})`}
        description={
          manage
            ? "Every tool of this server. Expand a tool to see its input schema."
            : "Only the tools your groups grant are listed. Expand a tool to see its input schema."
        }
        actions={manage?.actions}
      />
      {tools.length === 0 ? (
        (manage?.empty ?? (
          <EmptyState
            title="No tools visible"
            description="You can see this server, but your groups grant none of its tools. Ask an admin to list the tools you need in a server access rule."
          />
        ))
      ) : (
        <ul className="divide-y divide-slate-100">
          {tools.map((tool) => (
            <li key={tool.name} aria-label={tool.name} className="flex items-start gap-2 px-4 py-3">
              <details className="group min-w-0 flex-1">
                <summary className="flex cursor-pointer list-none items-start gap-2 rounded-md focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 [&::-webkit-details-marker]:hidden">
                  <svg
                    aria-hidden="true"
                    viewBox="0 0 16 16"
                    className="mt-0.5 size-4 shrink-0 text-slate-400 transition-transform group-open:rotate-90"
                    fill="none"
                  >
                    <path
                      d="m6 4 4 4-4 4"
                      stroke="currentColor"
                      strokeWidth="1.5"
                      strokeLinecap="round"
                      strokeLinejoin="round"
                    />
                  </svg>
                  <span className="min-w-0 flex-1">
                    <span className="font-mono text-[13px] font-medium text-slate-900">{tool.name}</span>
                    <span className="ml-2 text-xs text-slate-400">{propertyCount(tool.inputSchema)} parameters</span>
                    {tool.description ? (
                      <span className="mt-0.5 block text-[13px] text-slate-600">{tool.description}</span>
                    ) : null}
                  </span>
                </summary>
                <CodeBlock
                  className="mt-3 ml-6"
                  title="Input schema"
                  language="json"
                  code={prettySchema(tool.inputSchema)}
                  copyLabel={`Copy input schema of ${tool.name}`}
                />
              </details>
              {manage?.toolActions(tool)}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
