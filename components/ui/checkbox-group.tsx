"use client";

import { useId, useState, type ReactNode } from "react";
import { Fieldset } from "./form-field";
import { controlClasses } from "./input";
import { cn } from "./cn";

export interface CheckboxOption {
  value: string;
  label?: ReactNode;
  hint?: ReactNode;
  /** This option cannot be chosen now (say why in `hint`). */
  disabled?: boolean;
}

export interface CheckboxGroupProps {
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  options: CheckboxOption[];
  value: string[];
  onChange: (value: string[]) => void;
  /** Text when there are no options at all. */
  emptyText?: ReactNode;
  disabled?: boolean;
  /** Monospace option labels (ids, slugs, group names). */
  mono?: boolean;
  className?: string;
}

/** A multi-select as a checkbox list, with a filter box once the list gets long. */
export function CheckboxGroup({
  legend,
  hint,
  error,
  options,
  value,
  onChange,
  emptyText = "Nothing to choose from.",
  disabled,
  mono,
  className,
}: CheckboxGroupProps) {
  const [filter, setFilter] = useState("");
  const id = useId();
  const needle = filter.trim().toLowerCase();
  const shown = needle ? options.filter((option) => option.value.toLowerCase().includes(needle)) : options;
  const toggle = (item: string, checked: boolean) =>
    onChange(checked ? [...value, item] : value.filter((v) => v !== item));

  return (
    <Fieldset
      legend={
        <>
          {legend} <span className="font-normal text-slate-500">({value.length} selected)</span>
        </>
      }
      hint={hint}
      error={error}
      className={className}
    >
      {options.length > 8 ? (
        <input
          type="search"
          aria-label={`Filter ${typeof legend === "string" ? legend.toLowerCase() : "options"}`}
          placeholder="Filter…"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          className={cn(controlClasses, "h-7 text-[13px]")}
        />
      ) : null}
      {options.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 px-3 py-2 text-[13px] text-slate-500">
          {emptyText}
        </p>
      ) : (
        <ul className="max-h-48 space-y-0.5 overflow-y-auto rounded-md border border-slate-200 p-1.5">
          {shown.map((option) => {
            const optionId = `${id}-${option.value}`;
            return (
              <li key={option.value} className="flex items-start gap-2 rounded px-1.5 py-1 hover:bg-slate-50">
                <input
                  id={optionId}
                  type="checkbox"
                  checked={value.includes(option.value)}
                  disabled={disabled || option.disabled}
                  onChange={(event) => toggle(option.value, event.target.checked)}
                  className="mt-0.5 size-4 shrink-0 accent-indigo-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
                />
                <label
                  htmlFor={optionId}
                  className={cn(
                    "min-w-0 flex-1 text-[13px]",
                    option.disabled ? "cursor-not-allowed text-slate-500" : "cursor-pointer text-slate-800",
                  )}
                >
                  <span className={cn(mono && "font-mono text-[12.5px]")}>{option.label ?? option.value}</span>
                  {option.hint ? <span className="block truncate text-xs text-slate-500">{option.hint}</span> : null}
                </label>
              </li>
            );
          })}
          {shown.length === 0 ? (
            <li className="px-1.5 py-1 text-[13px] text-slate-500">No match for “{filter}”.</li>
          ) : null}
        </ul>
      )}
    </Fieldset>
  );
}
