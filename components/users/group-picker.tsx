"use client";

import Link from "next/link";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import type { GroupOption } from "@/lib/iam/groups/find-group-options";

/** Registry groups as checkboxes; groups granting admin permissions are marked. */
export function GroupPicker({
  groups,
  selected,
  onChange,
  error,
  disabled,
}: {
  groups: GroupOption[];
  selected: string[];
  onChange: (next: string[]) => void;
  error?: string;
  disabled?: boolean;
}) {
  const known = new Set(groups.map((g) => g.name));
  const options = [
    ...groups,
    ...selected
      .filter((name) => !known.has(name))
      .map((name): GroupOption => ({ name, description: "", admin: false })),
  ].map((group) => ({
    value: group.name,
    label: (
      <>
        {group.name}
        {group.admin ? <span className="ml-1.5 font-sans text-[11px] font-medium text-amber-700">admin</span> : null}
      </>
    ),
    hint: group.description || undefined,
  }));
  return (
    <CheckboxGroup
      legend="Groups"
      options={options}
      value={selected}
      onChange={(next) => onChange([...next].sort())}
      error={error}
      disabled={disabled}
      mono
      // A fieldset's default min-width is its content's, which lets long hints overflow a dialog.
      className="min-w-0"
      emptyText={
        <>
          No groups exist yet.{" "}
          <Link href="/settings/iam/groups/new" className="text-indigo-700 hover:underline">
            Create a group
          </Link>{" "}
          first.
        </>
      }
    />
  );
}
