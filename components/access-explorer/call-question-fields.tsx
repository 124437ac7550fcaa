"use client";

import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { LIFECYCLE_METHODS, MCP_METHODS } from "@/lib/access/mcp-methods";

export interface CallQuestionDraft {
  server: string;
  tool: string;
  method: string;
}

const METHOD_OPTIONS = [
  { value: "", label: "tools/call (with a tool) or tools/list" },
  ...[...MCP_METHODS, ...LIFECYCLE_METHODS].map((method) => ({ value: method, label: method })),
];

/** The optional "can it call…?" question: server slug, tool name, MCP method. */
export function CallQuestionFields({
  value,
  onChange,
}: {
  value: CallQuestionDraft;
  onChange: (next: CallQuestionDraft) => void;
}) {
  const set = (key: keyof CallQuestionDraft) => (next: string) => onChange({ ...value, [key]: next });
  return (
    <fieldset className="grid min-w-0 gap-3 sm:col-span-2 sm:grid-cols-3">
      <legend className="mb-1 text-xs text-slate-500">
        Optional: can it make one call? Name a server, then a tool and/or a method.
      </legend>
      <FormField label="Server">
        {(control) => (
          <Input
            {...control}
            value={value.server}
            onChange={(e) => set("server")(e.target.value)}
            placeholder="server slug, e.g. github"
            autoComplete="off"
            spellCheck={false}
            mono
          />
        )}
      </FormField>
      <FormField label="Tool">
        {(control) => (
          <Input
            {...control}
            value={value.tool}
            onChange={(e) => set("tool")(e.target.value)}
            placeholder="tool name"
            autoComplete="off"
            spellCheck={false}
            mono
          />
        )}
      </FormField>
      <FormField label="Method">
        {(control) => (
          <Select
            {...control}
            value={value.method}
            onChange={(e) => set("method")(e.target.value)}
            options={METHOD_OPTIONS}
          />
        )}
      </FormField>
    </fieldset>
  );
}
