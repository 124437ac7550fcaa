"use client";

import { useEffect, useState } from "react";
import { apiRequest } from "@/components/ui/api-request";
import { Combobox } from "@/components/ui/combobox";
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
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<MemberOption[]>([]);
  const [optionsFor, setOptionsFor] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState<"idle" | "loading" | "failed">("idle");

  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    const timer = setTimeout(async () => {
      setStatus("loading");
      const items = await search[kind](text.trim()).catch(() => null);
      if (cancelled) return;
      setStatus(items ? "idle" : "failed");
      setOptions(items ?? []);
      setOptionsFor(text);
    }, 200);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [open, text, kind, group]);

  const isMember = (option: MemberOption) => option.groups.includes(group);

  return (
    <Combobox
      aria-label={label}
      listLabel={label}
      text={text}
      onTextChange={setText}
      open={open}
      onOpenChange={setOpen}
      options={options}
      optionsFor={optionsFor ?? ""}
      optionKey={(option) => option.id}
      optionDisabled={isMember}
      initialActive={(shown) => shown.findIndex((option) => !isMember(option))}
      onSelect={(option) => {
        onPick(option);
        setText("");
        setOpen(false);
      }}
      onBlur={() => setOpen(false)}
      renderOption={(option) => (
        <>
          <span className="min-w-0 truncate text-[13px]">{option.name}</span>
          <span className="min-w-0 truncate text-xs text-slate-500">
            {isMember(option) ? "already a member" : option.detail}
          </span>
        </>
      )}
      message={
        status === "loading"
          ? "Searching…"
          : status === "failed"
            ? "Could not search. Check your connection and retry."
            : options.length === 0
              ? "No matches. Try another name."
              : null
      }
      placeholder={kind === "user" ? "Search users by name or email" : "Search M2M accounts by name or client id"}
      disabled={disabled}
    />
  );
}
