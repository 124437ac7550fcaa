import type { ButtonHTMLAttributes } from "react";
import { cn } from "./cn";
import { Spinner } from "./spinner";

export interface SwitchProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, "onChange" | "role"> {
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
  pending?: boolean;
}

/** An on/off switch (role="switch"); needs an accessible name via aria-label or aria-labelledby. */
export function Switch({ checked, onCheckedChange, pending, disabled, className, ...rest }: SwitchProps) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={checked}
      aria-busy={pending || undefined}
      disabled={disabled || pending}
      onClick={() => onCheckedChange(!checked)}
      className={cn(
        "relative inline-flex h-5 w-9 shrink-0 items-center rounded-full transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:opacity-60",
        checked ? "bg-indigo-600" : "bg-slate-300",
        className,
      )}
      {...rest}
    >
      <span
        className={cn(
          "inline-flex size-4 items-center justify-center rounded-full bg-white shadow transition-transform",
          checked ? "translate-x-4.5" : "translate-x-0.5",
        )}
      >
        {pending ? <Spinner className="size-2.5 text-slate-500" /> : null}
      </span>
    </button>
  );
}
