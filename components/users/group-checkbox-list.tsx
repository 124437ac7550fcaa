"use client";

import { useId, useState } from "react";
import Link from "next/link";
import { Checkbox } from "@/components/ui/checkbox";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/input";
import type { GroupOption } from "./load-group-options";

/** Registry groups as checkboxes, with a filter once the list gets long. */
export function GroupCheckboxList({ groups, selected, onChange, error, disabled, compact }: { groups: GroupOption[]; selected: string[]; onChange: (next: string[]) => void; error?: string; disabled?: boolean; compact?: boolean }) {
  const id = useId();
  const [filter, setFilter] = useState("");
  const known = new Set(groups.map((g) => g.name));
  const options: GroupOption[] = [...groups, ...selected.filter((name) => !known.has(name)).map((name) => ({ name, description: "", admin: false }))];
  const needle = filter.trim().toLowerCase();
  const shown = needle ? options.filter((g) => g.name.includes(needle) || g.description.toLowerCase().includes(needle)) : options;

  return (
    <fieldset className="space-y-2" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="text-[13px] font-medium text-slate-800">
        Groups <span className="font-normal text-slate-500">({selected.length} selected)</span>
      </legend>
      {options.length > 8 ? <Input aria-label="Filter groups" placeholder="Filter groups" value={filter} onChange={(event) => setFilter(event.target.value)} className="h-7 max-w-xs text-xs" /> : null}
      {options.length === 0 ? (
        <p className="text-[13px] text-slate-500">
          No groups exist yet. <Link href="/settings/iam/groups/new" className="text-indigo-700 hover:underline">Create a group</Link> first.
        </p>
      ) : (
        <div className={cn("space-y-2 overflow-auto rounded-md border border-slate-200 p-2.5", compact ? "max-h-48" : "max-h-96")}>
          {shown.map((group) => (
            <Checkbox
              key={group.name}
              name="groups"
              value={group.name}
              checked={selected.includes(group.name)}
              disabled={disabled}
              onChange={(event) => onChange(event.target.checked ? [...selected, group.name].sort() : selected.filter((name) => name !== group.name))}
              label={
                <span className="font-mono text-[13px]">
                  {group.name}
                  {group.admin ? <span className="ml-1.5 font-sans text-[11px] font-medium text-amber-700">admin</span> : null}
                </span>
              }
              hint={group.description ? <span className="line-clamp-1">{group.description}</span> : undefined}
            />
          ))}
          {shown.length === 0 ? <p className="text-xs text-slate-500">No group matches “{filter}”.</p> : null}
        </div>
      )}
      {error ? <p id={`${id}-error`} className="text-xs text-red-700">{error}</p> : null}
    </fieldset>
  );
}
