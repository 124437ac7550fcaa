"use client";

import { useEffect, useState } from "react";
import { buttonClasses, type ButtonSize, type ButtonVariant } from "./button";

async function writeClipboard(text: string): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
  // Plain-http deployments have no async clipboard API: fall back to a hidden textarea.
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand("copy");
  area.remove();
  if (!ok) throw new Error("copy failed");
}

/**
 * Copies `value`; announces "Copied" politely. `label` names what is copied for screen readers.
 * `iconOnly`: just the icon (tables), the state still announced to screen readers.
 */
export function CopyButton({
  value,
  label = "Copy",
  variant = "secondary",
  size = "sm",
  className,
  iconOnly,
}: {
  value: string;
  label?: string;
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: string;
  iconOnly?: boolean;
}) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), 2000);
    return () => clearTimeout(timer);
  }, [state]);
  return (
    <button
      type="button"
      className={buttonClasses({ variant, size, className })}
      aria-label={state === "idle" ? label : undefined}
      onClick={() =>
        writeClipboard(value).then(
          () => setState("copied"),
          () => setState("failed"),
        )
      }
    >
      <svg aria-hidden="true" viewBox="0 0 16 16" className="size-3.5" fill="none">
        {state === "copied" ? (
          <path
            d="m3.5 8.5 3 3 6-7"
            stroke="currentColor"
            strokeWidth="1.5"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        ) : (
          <>
            <rect x="5.5" y="5.5" width="8" height="8" rx="1.5" stroke="currentColor" strokeWidth="1.3" />
            <path
              d="M10.5 3.5v-.5A1.5 1.5 0 0 0 9 1.5H4A1.5 1.5 0 0 0 2.5 3v5A1.5 1.5 0 0 0 4 9.5h.5"
              stroke="currentColor"
              strokeWidth="1.3"
            />
          </>
        )}
      </svg>
      <span aria-live="polite" className={iconOnly ? "sr-only" : undefined}>
        {state === "copied" ? "Copied" : state === "failed" ? "Copy failed — select and copy" : "Copy"}
      </span>
    </button>
  );
}
