"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { cn } from "@/components/ui/cn";
import { controlClasses } from "@/components/ui/input";
import { SLUG_PATTERN } from "@/lib/validation/common";
import { apiRequest } from "@/components/ui/api-request";

interface ServerOption {
  slug: string;
  name: string;
}

const ALL: ServerOption = { slug: "*", name: "All servers" };

/**
 * A combobox that searches the server list on the server as you type. "All servers (*)" is
 * always offered but never the default match: Enter takes the first matching server (or the
 * typed slug), so a filter plus Enter can never silently grant every server. The wildcard is
 * chosen only by clicking it or by moving onto it with the arrow keys. A slug that matches
 * nothing can still be typed (a rule may precede its server).
 */
export function ServerPicker({
  id,
  value,
  onChange,
  disabled,
  ...aria
}: {
  id: string;
  value: string;
  onChange: (slug: string) => void;
  disabled?: boolean;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
}) {
  const listId = useId();
  const [text, setText] = useState(value);
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<ServerOption[]>([]);
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState(false);
  // Index into `shown`; -1: nothing highlighted. Never 0 (the wildcard) unless the user moved there.
  const [active, setActive] = useState(-1);
  const wrapper = useRef<HTMLDivElement>(null);

  useEffect(() => setText(value), [value]);

  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    const query = text === value || text === "*" ? "" : text.trim();
    const timer = setTimeout(async () => {
      setLoading(true);
      const result = await apiRequest<{ items: ServerOption[] }>(
        "GET",
        `/api/servers?limit=20${query ? `&q=${encodeURIComponent(query)}` : ""}`,
      ).catch(() => null);
      if (controller.signal.aborted) return;
      setLoading(false);
      setFailed(result === null);
      const items = result ? result.items.map(({ slug, name }) => ({ slug, name })) : [];
      setOptions(items);
      setActive(items.length > 0 ? 1 : -1);
    }, 200);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [open, text, value]);

  const shown = [ALL, ...options];

  function choose(slug: string) {
    onChange(slug);
    setText(slug);
    setOpen(false);
  }

  function acceptTyped() {
    const typed = text.trim();
    if (typed === value) return;
    if (typed === "*" || SLUG_PATTERN.test(typed)) onChange(typed);
    else setText(value);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!open) return setOpen(true);
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((current) => (Math.max(current, 0) + step + shown.length) % shown.length);
    } else if (event.key === "Enter") {
      event.preventDefault();
      const option = open && active >= 0 ? shown[active] : undefined;
      if (option) choose(option.slug);
      else acceptTyped();
    } else if (event.key === "Escape") {
      setOpen(false);
      setText(value);
    }
  }

  return (
    <div
      ref={wrapper}
      className="relative"
      onBlur={(event) => {
        if (wrapper.current?.contains(event.relatedTarget as Node | null)) return;
        setOpen(false);
        acceptTyped();
      }}
    >
      <input
        id={id}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
        autoComplete="off"
        value={text}
        disabled={disabled}
        placeholder="Search servers or type a slug"
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={onKeyDown}
        className={cn(controlClasses, "h-8 font-mono text-[13px]")}
        {...aria}
      />
      {open ? (
        <ul
          id={listId}
          role="listbox"
          aria-label="Servers"
          className="absolute z-20 mt-1 max-h-64 w-full min-w-64 overflow-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg"
        >
          {shown.map((option, index) => (
            <li
              key={option.slug}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(option.slug)}
              onMouseEnter={() => setActive(index)}
              className={cn(
                "flex cursor-pointer items-baseline justify-between gap-3 px-2.5 py-1.5",
                index === active && "bg-indigo-50",
              )}
            >
              <span className="font-mono text-[13px] text-slate-900">
                {option.slug === "*" ? "All servers (*)" : option.slug}
              </span>
              <span className="truncate text-xs text-slate-500">
                {option.slug === "*" ? "every server, now and later" : option.name}
              </span>
            </li>
          ))}
          {loading || failed || options.length === 0 ? (
            <li role="presentation" className="px-2.5 py-1 text-xs text-slate-400">
              {loading
                ? "Searching…"
                : failed
                  ? "Could not load servers; you can still type a slug."
                  : "No matching servers; a typed slug is kept."}
            </li>
          ) : null}
        </ul>
      ) : null}
    </div>
  );
}
