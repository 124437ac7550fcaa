"use client";

import { useEffect, useState } from "react";
import { Combobox } from "@/components/ui/combobox";
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
 * chosen only by clicking it or by moving onto it with the arrow keys (or Home). A slug that
 * matches nothing can still be typed (a rule may precede its server).
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
  const [text, setText] = useState(value);
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<ServerOption[]>([]);
  const [optionsFor, setOptionsFor] = useState<string | undefined>(undefined);
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState(false);

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
      setOptions(result ? result.items.map(({ slug, name }) => ({ slug, name })) : []);
      setOptionsFor(text);
    }, 200);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [open, text, value]);

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

  return (
    <Combobox
      id={id}
      {...aria}
      listLabel="Servers"
      text={text}
      onTextChange={setText}
      open={open}
      onOpenChange={setOpen}
      options={[ALL, ...options]}
      optionsFor={optionsFor ?? ""}
      optionKey={(option) => option.slug}
      // The first real server, never the wildcard at index 0.
      initialActive={(shown) => (shown.length > 1 ? 1 : -1)}
      onSelect={(option) => choose(option.slug)}
      onEnterWithoutOption={acceptTyped}
      onEscape={() => setText(value)}
      onBlur={() => {
        setOpen(false);
        acceptTyped();
      }}
      renderOption={(option) => (
        <>
          <span className="font-mono text-[13px] text-slate-900">
            {option.slug === "*" ? "All servers (*)" : option.slug}
          </span>
          <span className="truncate text-xs text-slate-500">
            {option.slug === "*" ? "every server, now and later" : option.name}
          </span>
        </>
      )}
      message={
        loading
          ? "Searching…"
          : failed
            ? "Could not load servers; you can still type a slug."
            : options.length === 0
              ? "No matching servers; a typed slug is kept."
              : null
      }
      placeholder="Search servers or type a slug"
      disabled={disabled}
      className="font-mono"
      listClassName="min-w-64"
    />
  );
}
