import { useId, type ReactNode, type TextareaHTMLAttributes } from "react";
import { Alert } from "./alert";
import { FormField } from "./form-field";
import { Textarea } from "./textarea";

export interface JsonTextFieldProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  label: ReactNode;
  hint?: ReactNode;
  /** What is wrong with the text; a message of several lines shows its first as the title, the rest as a list. */
  error?: string;
}

/**
 * A textarea for pasted JSON (monospace, no spell check) whose error shows in a danger alert under
 * it, linked to the textarea: a paste is fixed as a whole, and its errors can be long.
 */
export function JsonTextField({ label, hint, error, rows = 10, ...textarea }: JsonTextFieldProps) {
  const errorId = useId();
  const [first, ...more] = error?.split("\n") ?? [];
  return (
    <div className="min-w-0 space-y-3">
      <FormField label={label} hint={hint}>
        {(control) => (
          <Textarea
            {...control}
            rows={rows}
            spellCheck={false}
            className="font-mono text-[12.5px]"
            {...textarea}
            aria-invalid={error ? true : undefined}
            aria-describedby={
              [error ? errorId : "", control["aria-describedby"] ?? ""].filter(Boolean).join(" ") || undefined
            }
          />
        )}
      </FormField>
      {error ? (
        <div id={errorId}>
          <Alert tone="danger" title={more.length > 0 ? first : undefined}>
            {more.length > 0 ? (
              <ul className="mt-1 list-disc space-y-0.5 pl-4 font-mono text-xs break-words">
                {more.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            ) : (
              first
            )}
          </Alert>
        </div>
      ) : null}
    </div>
  );
}
