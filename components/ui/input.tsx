import type { InputHTMLAttributes } from "react";
import { cn } from "./cn";

export const controlClasses =
  "block w-full rounded-md border border-slate-300 bg-white px-2.5 text-sm text-slate-900 shadow-xs placeholder:text-slate-400 focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500/25 disabled:cursor-not-allowed disabled:bg-slate-50 disabled:text-slate-500 aria-invalid:border-red-500 aria-invalid:focus:ring-red-500/25";

export interface InputProps extends InputHTMLAttributes<HTMLInputElement> {
  /** Monospace text, for ids, GUIDs and secrets. */
  mono?: boolean;
}

export function Input({ className, mono, ...rest }: InputProps) {
  return <input className={cn(controlClasses, "h-8", mono && "font-mono text-[13px]", className)} {...rest} />;
}
