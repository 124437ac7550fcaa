"use client";

import { useState, type ClipboardEvent, type KeyboardEvent } from "react";
import { cn } from "@/components/ui/cn";

export interface ChipsInputProps {
  id: string;
  values: string[];
  onChange: (values: string[]) => void;
  /** Returns an error message for a value that cannot be added, or null. */
  validate?: (value: string) => string | null;
  normalize?: (value: string) => string;
  placeholder?: string;
  disabled?: boolean;
  mono?: boolean;
  /** Names the chips for screen readers ("Entra group object id"). */
  itemLabel: string;
  invalidPaths?: Set<number>;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
}

/**
 * A list of short values entered one by one: Enter, comma, Tab or paste adds (a pasted list is
 * split on commas, spaces and new lines), Backspace in the empty box removes the last one.
 */
export function ChipsInput({
  id,
  values,
  onChange,
  validate,
  normalize = (v) => v.trim(),
  placeholder,
  disabled,
  mono,
  itemLabel,
  invalidPaths,
  ...aria
}: ChipsInputProps) {
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<string | null>(null);

  function add(raw: string[]): boolean {
    const next = [...values];
    for (const candidate of raw.map(normalize).filter(Boolean)) {
      const message = validate?.(candidate) ?? null;
      if (message) {
        setProblem(`${candidate}: ${message}`);
        return false;
      }
      if (!next.includes(candidate)) next.push(candidate);
    }
    setProblem(null);
    onChange(next);
    return true;
  }

  function commit(): boolean {
    if (!text.trim()) return true;
    const ok = add([text]);
    if (ok) setText("");
    return ok;
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "Enter" || event.key === ",") {
      event.preventDefault();
      commit();
    } else if (event.key === "Backspace" && text === "" && values.length > 0) {
      onChange(values.slice(0, -1));
    }
  }

  function onPaste(event: ClipboardEvent<HTMLInputElement>) {
    const pasted = event.clipboardData.getData("text");
    if (!/[\s,]/.test(pasted.trim())) return;
    event.preventDefault();
    add(pasted.split(/[\s,]+/));
  }

  const problemId = `${id}-problem`;
  return (
    <div>
      <div
        className={cn(
          "flex min-h-8 flex-wrap items-center gap-1 rounded-md border border-slate-300 bg-white px-1.5 py-1 shadow-xs focus-within:border-indigo-500 focus-within:ring-2 focus-within:ring-indigo-500/25",
          (aria["aria-invalid"] || problem) && "border-red-500",
          disabled && "bg-slate-50",
        )}
      >
        <ul className="contents" aria-label={`${itemLabel} values`}>
          {values.map((value, index) => (
            <li
              key={value}
              className={cn(
                "inline-flex items-center gap-1 rounded bg-slate-100 py-0.5 pr-0.5 pl-1.5 text-xs text-slate-800 ring-1 ring-slate-200 ring-inset",
                mono && "font-mono text-[11px]",
                invalidPaths?.has(index) && "bg-red-50 text-red-800 ring-red-300",
              )}
            >
              {value}
              {disabled ? null : (
                <button
                  type="button"
                  onClick={() => onChange(values.filter((v) => v !== value))}
                  className="rounded px-1 text-slate-500 hover:bg-slate-200 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600"
                  aria-label={`Remove ${itemLabel} ${value}`}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
        {disabled ? null : (
          <input
            id={id}
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              setProblem(null);
            }}
            onKeyDown={onKeyDown}
            onPaste={onPaste}
            onBlur={commit}
            placeholder={values.length === 0 ? placeholder : undefined}
            aria-describedby={
              [problem ? problemId : "", aria["aria-describedby"] ?? ""].filter(Boolean).join(" ") || undefined
            }
            aria-invalid={problem || aria["aria-invalid"] ? true : undefined}
            className={cn(
              "h-6 min-w-40 flex-1 border-0 bg-transparent px-1 text-sm outline-none placeholder:text-slate-400",
              mono && "font-mono text-[13px]",
            )}
          />
        )}
      </div>
      {problem ? (
        <p id={problemId} role="alert" className="mt-1 text-xs text-red-700">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
