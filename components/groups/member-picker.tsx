"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { apiRequest } from "@/components/ui/api-request";
import { cn } from "@/components/ui/cn";
import { controlClasses } from "@/components/ui/input";
import type { MemberKind } from "./change-membership";

export interface MemberOption {
  id: string;
  name: string;
  detail: string;
  groups: string[];
}

const search: Record<MemberKind, (q: string) => Promise<MemberOption[]>> = {
  user: async (q) => {
    const page = await apiRequest<{
      items: { id: string; displayName: string; email: string | null; groups: string[] }[];
    }>("GET", `/api/iam/users?limit=10${q ? `&q=${encodeURIComponent(q)}` : ""}`);
    return page.items.map((user) => ({
      id: user.id,
      name: user.displayName,
      detail: user.email ?? "",
      groups: user.groups,
    }));
  },
  m2m: async (q) => {
    const page = await apiRequest<{ items: { id: string; name: string; clientId: string; groups: string[] }[] }>(
      "GET",
      `/api/iam/m2m-accounts?limit=10${q ? `&q=${encodeURIComponent(q)}` : ""}`,
    );
    return page.items.map((account) => ({
      id: account.id,
      name: account.name,
      detail: `client ${account.clientId}`,
      groups: account.groups,
    }));
  },
};

/**
 * Searches users or M2M accounts on the server as you type; Enter (or a click) picks the
 * highlighted one. Those already in the group are shown but cannot be picked.
 */
export function MemberPicker({
  kind,
  group,
  label,
  disabled,
  onPick,
}: {
  kind: MemberKind;
  group: string;
  label: string;
  disabled?: boolean;
  onPick: (option: MemberOption) => void;
}) {
  const listId = useId();
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<MemberOption[]>([]);
  const [status, setStatus] = useState<"idle" | "loading" | "failed">("idle");
  const [active, setActive] = useState(-1);
  const wrapper = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    const timer = setTimeout(async () => {
      setStatus("loading");
      const items = await search[kind](text.trim()).catch(() => null);
      if (cancelled) return;
      setStatus(items ? "idle" : "failed");
      setOptions(items ?? []);
      setActive(items ? items.findIndex((item) => !item.groups.includes(group)) : -1);
    }, 200);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [open, text, kind, group]);

  function choose(option: MemberOption | undefined) {
    if (!option || option.groups.includes(group)) return;
    onPick(option);
    setText("");
    setOpen(false);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!open) return setOpen(true);
      if (options.length === 0) return;
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((current) => (Math.max(current, 0) + step + options.length) % options.length);
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (open) choose(options[active]);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      setOpen(false);
    }
  }

  return (
    <div
      ref={wrapper}
      className="relative"
      onBlur={(event) => {
        if (!wrapper.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <input
        role="combobox"
        aria-label={label}
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
        autoComplete="off"
        value={text}
        disabled={disabled}
        placeholder={kind === "user" ? "Search users by name or email" : "Search M2M accounts by name or client id"}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={onKeyDown}
        className={cn(controlClasses, "h-8 text-[13px]")}
      />
      {open ? (
        <ul
          id={listId}
          role="listbox"
          aria-label={label}
          className="absolute z-20 mt-1 max-h-64 w-full overflow-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg"
        >
          {options.map((option, index) => {
            const member = option.groups.includes(group);
            return (
              <li
                key={option.id}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === active}
                aria-disabled={member || undefined}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => choose(option)}
                onMouseEnter={() => setActive(index)}
                className={cn(
                  "flex items-baseline justify-between gap-3 px-2.5 py-1.5",
                  member ? "cursor-default text-slate-400" : "cursor-pointer",
                  index === active && "bg-indigo-50",
                )}
              >
                <span className="min-w-0 truncate text-[13px]">{option.name}</span>
                <span className="min-w-0 truncate text-xs text-slate-500">
                  {member ? "already a member" : option.detail}
                </span>
              </li>
            );
          })}
          {status !== "idle" || options.length === 0 ? (
            <li role="presentation" className="px-2.5 py-1 text-xs text-slate-500">
              {status === "loading"
                ? "Searching…"
                : status === "failed"
                  ? "Could not search. Check your connection and retry."
                  : "No matches. Try another name."}
            </li>
          ) : null}
        </ul>
      ) : null}
    </div>
  );
}
