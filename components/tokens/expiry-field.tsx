"use client";

import { useId } from "react";
import { Fieldset } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";

export const EXPIRY_PRESETS = [
  { id: "8h", label: "8 hours", hours: 8 },
  { id: "7d", label: "7 days", hours: 168 },
  { id: "30d", label: "30 days", hours: 720 },
  { id: "90d", label: "90 days", hours: 2160 },
] as const;

export type ExpiryChoice = (typeof EXPIRY_PRESETS)[number]["id"] | "custom";

/** Expiry presets (those within the configured maximum) plus custom hours. */
export function ExpiryField({
  choice,
  customHours,
  maxHours,
  error,
  disabled,
  onChange,
}: {
  choice: ExpiryChoice;
  customHours: string;
  maxHours: number;
  error?: string;
  disabled?: boolean;
  onChange: (choice: ExpiryChoice, customHours: string) => void;
}) {
  const id = useId();
  const presets = EXPIRY_PRESETS.filter((preset) => preset.hours <= maxHours);
  const radio =
    "size-4 accent-indigo-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600";
  return (
    <Fieldset
      legend="Expiry"
      hint={`Required. At most ${maxHours} hours (${Math.floor(maxHours / 24)} days) on this registry.`}
      error={error}
    >
      <div className="flex flex-wrap gap-x-4 gap-y-2">
        {presets.map((preset) => (
          <label key={preset.id} className="inline-flex items-center gap-1.5 text-[13px] text-slate-800">
            <input
              type="radio"
              name={`${id}-expiry`}
              className={radio}
              checked={choice === preset.id}
              disabled={disabled}
              onChange={() => onChange(preset.id, customHours)}
            />
            {preset.label}
          </label>
        ))}
        <label className="inline-flex items-center gap-1.5 text-[13px] text-slate-800">
          <input
            type="radio"
            name={`${id}-expiry`}
            className={radio}
            checked={choice === "custom"}
            disabled={disabled}
            onChange={() => onChange("custom", customHours)}
          />
          Custom
        </label>
      </div>
      {choice === "custom" ? (
        <div className="flex items-center gap-2 pt-1">
          <div className="w-28">
            <Input
              aria-label="Custom expiry in hours"
              aria-invalid={error ? true : undefined}
              type="number"
              inputMode="numeric"
              min={1}
              max={maxHours}
              step={1}
              value={customHours}
              disabled={disabled}
              onChange={(event) => onChange("custom", event.target.value)}
            />
          </div>
          <span className="text-[13px] text-slate-500">hours</span>
        </div>
      ) : null}
    </Fieldset>
  );
}

export function expiryHours(choice: ExpiryChoice, customHours: string): number {
  if (choice === "custom") return customHours.trim() === "" ? Number.NaN : Number(customHours);
  return EXPIRY_PRESETS.find((preset) => preset.id === choice)?.hours ?? 8;
}
