"use client";

import * as SwitchPrimitive from "@radix-ui/react-switch";
import type { ButtonHTMLAttributes } from "react";
import { cn } from "./cn";
import { Spinner } from "./spinner";

export interface SwitchProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, "onChange" | "role" | "value"> {
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
  pending?: boolean;
}

/** An on/off switch on Radix Switch (role="switch", Space toggles); needs an accessible name via aria-label or aria-labelledby. */
export function Switch({ checked, onCheckedChange, pending, disabled, className, ...rest }: SwitchProps) {
  return (
    <SwitchPrimitive.Root
      checked={checked}
      // While pending the switch ignores presses but stays focusable: disabling it would drop
      // keyboard focus to <body>.
      onCheckedChange={(next) => {
        if (!pending) onCheckedChange(next);
      }}
      aria-busy={pending || undefined}
      aria-disabled={pending || undefined}
      disabled={disabled}
      className={cn(
        "relative inline-flex h-5 w-9 shrink-0 items-center rounded-full bg-slate-300 transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:opacity-60 aria-disabled:opacity-60 data-[state=checked]:bg-indigo-600",
        className,
      )}
      {...rest}
    >
      <SwitchPrimitive.Thumb className="inline-flex size-4 translate-x-0.5 items-center justify-center rounded-full bg-white shadow transition-transform data-[state=checked]:translate-x-4.5">
        {pending ? <Spinner className="size-2.5 text-slate-500" /> : null}
      </SwitchPrimitive.Thumb>
    </SwitchPrimitive.Root>
  );
}
