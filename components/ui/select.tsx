import type { SelectHTMLAttributes } from "react";
import { cn } from "./cn";
import { controlClasses } from "./input";

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectProps extends SelectHTMLAttributes<HTMLSelectElement> {
  options?: SelectOption[];
}

/** A native select (keyboard and screen-reader behaviour for free), styled. */
export function Select({ className, options, children, ...rest }: SelectProps) {
  return (
    <select className={cn(controlClasses, "h-8 pr-8", className)} {...rest}>
      {options?.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
      {children}
    </select>
  );
}
