"use client";

import { useEffect, useState } from "react";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { SLUG_PATTERN } from "@/lib/validation/common";
import { apiRequest, ApiRequestError } from "@/components/ui/api-request";
import { ChipsInput } from "./chips-input";

interface ToolOption {
  name: string;
  description: string;
}

type Load = { state: "idle" | "loading" | "missing" | "failed" } | { state: "ready"; tools: ToolOption[] };

function useServerTools(server: string, enabled: boolean): Load {
  const [load, setLoad] = useState<Load>({ state: "idle" });
  useEffect(() => {
    if (!enabled || !SLUG_PATTERN.test(server)) return setLoad({ state: "idle" });
    let cancelled = false;
    setLoad({ state: "loading" });
    apiRequest<{ items: ToolOption[] }>("GET", `/api/servers/${encodeURIComponent(server)}/tools`).then(
      (result) => {
        if (!cancelled) setLoad({ state: "ready", tools: result.items });
      },
      (error: unknown) => {
        if (!cancelled)
          setLoad({ state: error instanceof ApiRequestError && error.status === 404 ? "missing" : "failed" });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [server, enabled]);
  return load;
}

/** "All tools (*)", tools picked from the chosen server's list, or typed names. */
export function ToolPicker({
  idPrefix,
  server,
  tools,
  onChange,
  disabled,
  error,
}: {
  idPrefix: string;
  server: string;
  tools: string[];
  onChange: (next: string[]) => void;
  disabled?: boolean;
  error?: string;
}) {
  // Read-only viewers see the rule's tool names as they are; no catalog lookup is needed.
  const load = useServerTools(server, !disabled);
  const [filter, setFilter] = useState("");
  const all = tools.includes("*");
  const listed = load.state === "ready" ? load.tools : [];
  const listedNames = new Set(listed.map((t) => t.name));
  const typed = tools.filter((t) => t !== "*" && !listedNames.has(t));
  const shown = listed.filter((t) => !filter || t.name.toLowerCase().includes(filter.toLowerCase()));

  return (
    <fieldset className="space-y-1.5">
      <legend className="text-[13px] font-medium text-slate-800">Tools</legend>
      <Checkbox
        id={`${idPrefix}-all-tools`}
        label="All tools (*)"
        checked={all}
        disabled={disabled}
        onChange={(event) => onChange(event.target.checked ? ["*"] : [])}
      />
      {all ? null : disabled ? (
        <ul className="flex flex-wrap gap-1 pl-1" aria-label="Granted tools">
          {tools.map((tool) => (
            <li
              key={tool}
              className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-[11px] text-slate-700 ring-1 ring-slate-200 ring-inset"
            >
              {tool}
            </li>
          ))}
        </ul>
      ) : (
        <div className="space-y-2 pl-1">
          {load.state === "loading" ? <p className="text-xs text-slate-500">Loading the tools of {server}…</p> : null}
          {load.state === "missing" ? (
            <p className="text-xs text-slate-500">
              You cannot see a server named {server} (or it does not exist yet): type tool names below.
            </p>
          ) : null}
          {load.state === "failed" ? (
            <p className="text-xs text-red-700">
              The tools of {server} could not be loaded; type tool names below or reload the page.
            </p>
          ) : null}
          {load.state === "ready" && listed.length === 0 ? (
            <p className="text-xs text-slate-500">{server} has no tools registered yet.</p>
          ) : null}
          {listed.length > 8 ? (
            <Input
              aria-label={`Filter tools of ${server}`}
              placeholder="Filter tools"
              value={filter}
              onChange={(event) => setFilter(event.target.value)}
              onKeyDown={(event) => event.key === "Enter" && event.preventDefault()}
              className="h-7 text-xs"
            />
          ) : null}
          {listed.length > 0 ? (
            <div className="max-h-48 space-y-1 overflow-auto rounded-md border border-slate-200 p-2">
              {shown.map((tool) => (
                <Checkbox
                  key={tool.name}
                  id={`${idPrefix}-tool-${tool.name}`}
                  label={<span className="font-mono text-xs">{tool.name}</span>}
                  hint={tool.description ? <span className="line-clamp-1">{tool.description}</span> : undefined}
                  checked={tools.includes(tool.name)}
                  disabled={disabled}
                  onChange={(event) =>
                    onChange(event.target.checked ? [...tools, tool.name] : tools.filter((t) => t !== tool.name))
                  }
                />
              ))}
              {shown.length === 0 ? <p className="text-xs text-slate-500">No tool matches “{filter}”.</p> : null}
            </div>
          ) : null}
          <div>
            <label htmlFor={`${idPrefix}-typed-tools`} className="text-xs text-slate-600">
              {listed.length > 0 ? "Other tool names" : "Tool names"}
            </label>
            <ChipsInput
              id={`${idPrefix}-typed-tools`}
              itemLabel="tool"
              values={typed}
              onChange={(next) => onChange([...tools.filter((t) => listedNames.has(t)), ...next])}
              validate={(value) =>
                value === "*" ? "use All tools (*) instead" : value.length > 128 ? "at most 128 characters" : null
              }
              placeholder="tool_name"
              disabled={disabled}
              mono
            />
          </div>
        </div>
      )}
      {!all && tools.length === 0 ? (
        <p role="note" className="rounded border border-amber-200 bg-amber-50 px-2 py-1 text-xs text-amber-900">
          No tools selected: this rule grants <strong>no tools</strong> (an empty list fails closed). Members see the
          server but cannot list or call its tools.
        </p>
      ) : null}
      {error ? <p className="text-xs text-red-700">{error}</p> : null}
    </fieldset>
  );
}
