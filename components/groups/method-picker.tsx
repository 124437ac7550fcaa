"use client";

import { Checkbox } from "@/components/ui/checkbox";
import { MCP_METHODS } from "@/lib/access/mcp-methods";

/** "All methods (*)" or an explicit list of MCP methods; unknown methods from imports stay visible. */
export function MethodPicker({
  idPrefix,
  methods,
  onChange,
  disabled,
  error,
}: {
  idPrefix: string;
  methods: string[];
  onChange: (next: string[]) => void;
  disabled?: boolean;
  error?: string;
}) {
  const all = methods.includes("*");
  const known: string[] = [...MCP_METHODS];
  const extra = methods.filter((m) => m !== "*" && !known.includes(m));
  return (
    <fieldset className="space-y-1.5">
      <legend className="text-[13px] font-medium text-slate-800">Methods</legend>
      <Checkbox
        id={`${idPrefix}-all-methods`}
        label="All methods (*)"
        checked={all}
        disabled={disabled}
        onChange={(event) => onChange(event.target.checked ? ["*"] : [])}
      />
      {all ? null : (
        <div className="grid grid-cols-1 gap-x-3 gap-y-1 pl-1 sm:grid-cols-2">
          {[...known, ...extra].map((method) => (
            <Checkbox
              key={method}
              id={`${idPrefix}-method-${method}`}
              label={<span className="font-mono text-xs">{method}</span>}
              checked={methods.includes(method)}
              disabled={disabled}
              onChange={(event) =>
                onChange(event.target.checked ? [...methods, method] : methods.filter((m) => m !== method))
              }
            />
          ))}
        </div>
      )}
      {!all && methods.length === 0 ? (
        <p className="text-xs text-amber-700">No methods selected: members can only initialize and ping this server.</p>
      ) : null}
      {error ? <p className="text-xs text-red-700">{error}</p> : null}
      <p className="text-xs text-slate-500">initialize and ping are always allowed on visible servers.</p>
    </fieldset>
  );
}
