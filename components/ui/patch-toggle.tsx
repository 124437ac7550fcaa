"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiRequest, errorMessage } from "./api-request";
import { Switch } from "./switch";
import { useToast, type ToastInput } from "./toast";
import { useApiCall } from "./use-api-call";

export interface PatchToggleProps {
  /** The object's API URL; the switch sends PATCH `{ [field]: next, ...body }` there. */
  url: string;
  /** The boolean field the switch sets (`enabled`). */
  field: string;
  checked: boolean;
  /**
   * The object's version, sent along for optimistic concurrency. After a change went through, the
   * answer's version is sent instead, so a second change made before the page has refreshed is
   * not refused as a conflict with the first.
   */
  version?: number;
  /** The switch's accessible name and its text when on; `offLabel` is the text when off. */
  label: string;
  offLabel: string;
  /** The toast after a change went through: `on` after switching on, `off` after switching off. */
  success: { on: ToastInput; off: ToastInput };
  disabled?: boolean;
}

/**
 * A switch that saves at once: PATCH, then a toast and a refresh. Its props are plain data, so a
 * server component can render it. The switch moves right away; a refusal moves it back and says
 * why in an error toast.
 */
export function PatchToggle({ url, field, checked, version, label, offLabel, success, disabled }: PatchToggleProps) {
  const router = useRouter();
  const toast = useToast();
  const [on, setOn] = useState(checked);
  const [savedVersion, setSavedVersion] = useState(0);
  const { pending, run } = useApiCall();

  async function change(next: boolean) {
    await run(
      async () => {
        setOn(next);
        const body = version === undefined ? {} : { version: Math.max(version, savedVersion) };
        const answer = await apiRequest<{ version?: unknown }>("PATCH", url, { [field]: next, ...body });
        if (typeof answer?.version === "number") setSavedVersion(answer.version);
        toast(next ? success.on : success.off);
        router.refresh();
      },
      (error) => {
        setOn(!next);
        toast({ title: "Could not change the status", description: errorMessage(error), tone: "error" });
      },
    );
  }

  return (
    <label className="inline-flex items-center gap-2 text-[13px] text-slate-700">
      <Switch checked={on} onCheckedChange={change} pending={pending} disabled={disabled} aria-label={label} />
      <span aria-hidden="true">{on ? label : offLabel}</span>
    </label>
  );
}
