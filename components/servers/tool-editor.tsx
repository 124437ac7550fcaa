"use client";

import { useRouter } from "next/navigation";
import { createContext, useContext, useMemo, type ReactNode } from "react";
import { apiRequest } from "@/components/ui/api-request";
import { useToast } from "@/components/ui/toast";
import type { ToolInput, ToolRecord } from "@/lib/servers/schemas";

interface ToolEditor {
  slug: string;
  tools: ToolInput[];
  /** Replaces the whole tool list (PUT), toasts `done` and refreshes; rejects with the API's refusal. */
  save: (tools: ToolInput[], done: string) => Promise<void>;
}

const ToolEditorContext = createContext<ToolEditor | null>(null);

export function toToolInput(tool: ToolRecord): ToolInput {
  const schema = tool.inputSchema;
  return {
    name: tool.name,
    description: tool.description,
    inputSchema:
      schema && typeof schema === "object" && !Array.isArray(schema)
        ? (schema as Record<string, unknown>)
        : { type: "object" },
  };
}

/**
 * The server's full tool list for catalog managers (servers:write sees every tool). The API only
 * replaces the list as a whole, so each add, edit, removal or import sends the list it produces.
 */
export function ToolEditorProvider({
  slug,
  tools,
  children,
}: {
  slug: string;
  tools: ToolRecord[];
  children: ReactNode;
}) {
  const router = useRouter();
  const toast = useToast();
  const value = useMemo<ToolEditor>(
    () => ({
      slug,
      tools: tools.map(toToolInput),
      save: async (next, done) => {
        await apiRequest("PUT", `/api/servers/${slug}/tools`, { tools: next });
        toast({
          title: done,
          description: `${slug} now has ${next.length} ${next.length === 1 ? "tool" : "tools"}.`,
        });
        router.refresh();
      },
    }),
    [slug, tools, router, toast],
  );
  return <ToolEditorContext.Provider value={value}>{children}</ToolEditorContext.Provider>;
}

export function useToolEditor(): ToolEditor {
  const editor = useContext(ToolEditorContext);
  if (!editor) throw new Error("useToolEditor must be used inside <ToolEditorProvider>");
  return editor;
}
