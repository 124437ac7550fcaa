import { useId, type ReactNode } from "react";
import { cn } from "./cn";

export function Label({
  htmlFor,
  children,
  className,
  id,
}: {
  htmlFor?: string;
  children: ReactNode;
  className?: string;
  id?: string;
}) {
  return (
    <label id={id} htmlFor={htmlFor} className={cn("block text-[13px] font-medium text-slate-800", className)}>
      {children}
    </label>
  );
}

/** Props to spread onto the control inside a FormField. */
export interface FieldControlProps {
  id: string;
  name?: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
  "aria-required"?: true;
}

export interface FormFieldProps {
  label: ReactNode;
  /** Helper text under the control, linked by aria-describedby. */
  hint?: ReactNode;
  /** Error text; marks the control aria-invalid and links the message. */
  error?: string;
  required?: boolean;
  name?: string;
  id?: string;
  className?: string;
  /**
   * A length limit: shows "12/100" by the label, and past the limit an error saying so. Give the
   * control no `maxLength` — it would cut pasted text silently; the form refuses it instead.
   */
  count?: { length: number; max: number };
  children: (control: FieldControlProps) => ReactNode;
}

/**
 * Label + control + hint + error. The control is rendered by `children(controlProps)` so
 * any input gets the id, aria-describedby and aria-invalid it needs.
 */
export function FormField({
  label,
  hint,
  error: givenError,
  required,
  name,
  id,
  className,
  count,
  children,
}: FormFieldProps) {
  const fallbackId = useId();
  const controlId = id ?? fallbackId;
  const over = count !== undefined && count.length > count.max;
  const error =
    givenError ?? (over ? `At most ${count.max} characters: this is ${count.length}. Shorten it to save.` : undefined);
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("space-y-1", className)}>
      <div className="flex items-baseline justify-between gap-2">
        <Label htmlFor={controlId}>
          {label}
          {required ? (
            <span className="ml-0.5 text-red-600" aria-hidden="true">
              *
            </span>
          ) : null}
        </Label>
        {count ? (
          <span
            data-testid="character-count"
            className={cn("text-xs tabular-nums", over ? "font-medium text-red-700" : "text-slate-500")}
          >
            {count.length}/{count.max}
          </span>
        ) : null}
      </div>
      {children({
        id: controlId,
        name,
        "aria-describedby": describedBy,
        "aria-invalid": error ? true : undefined,
        "aria-required": required ? true : undefined,
      })}
      {error ? (
        <p id={errorId} className="text-xs text-red-700">
          {error}
        </p>
      ) : null}
      {hint ? (
        <p id={hintId} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** A group of checkboxes or radios with a legend, hint and error. */
export function Fieldset({
  legend,
  hint,
  error,
  children,
  className,
}: {
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
  className?: string;
}) {
  const id = useId();
  return (
    <fieldset
      className={cn("min-w-0 space-y-1.5", className)}
      aria-describedby={[error ? `${id}-error` : "", hint ? `${id}-hint` : ""].filter(Boolean).join(" ") || undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend className="text-[13px] font-medium text-slate-800">{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p id={`${id}-error`} className="text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
