"use client";

import * as AlertDialogPrimitive from "@radix-ui/react-alert-dialog";
import * as DialogPrimitive from "@radix-ui/react-dialog";
import { useRef, type ReactNode } from "react";
import { cn } from "./cn";
import { FOCUSABLE, nextTabbable, tabbables } from "./focus-order";

export interface DialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  /** Action row (buttons), right-aligned. */
  footer?: ReactNode;
  size?: "sm" | "md" | "lg";
  /** Close on Esc or a click outside (default true; set false while work is pending). */
  dismissible?: boolean;
  /** Role "alertdialog" for confirmations: never closed by a click outside. */
  role?: "dialog" | "alertdialog";
}

const widths = { sm: "max-w-md", md: "max-w-lg", lg: "max-w-2xl" };

/** The field a dialog opens on: `[data-autofocus]`, else the first control of the body, else the first control. */
function focusInitial(event: Event) {
  const content = event.currentTarget;
  if (!(content instanceof HTMLElement)) return;
  const target =
    content.querySelector<HTMLElement>("[autofocus], [data-autofocus]") ??
    content.querySelector<HTMLElement>(`[data-dialog-body] :is(${FOCUSABLE})`) ??
    content.querySelector<HTMLElement>(FOCUSABLE);
  if (!target) return;
  event.preventDefault();
  target.focus();
}

/**
 * A modal dialog on Radix Dialog (or Radix AlertDialog for role="alertdialog"): focus trapped
 * inside, Esc closes, the background is inert to assistive technology, and focus returns to the
 * opener on close. Children mount only while open, so forms inside start fresh each time.
 */
export function Dialog({
  open,
  onOpenChange,
  title,
  description,
  children,
  footer,
  size = "md",
  dismissible = true,
  role = "dialog",
}: DialogProps) {
  // Radix returns focus only to its own Trigger part; callers open dialogs from their own buttons.
  const opener = useRef<HTMLElement | null>(null);
  const lastFocused = useRef<HTMLElement | null>(null);
  // Both packages expose the same parts; AlertDialog additionally refuses outside clicks.
  const Primitive = role === "alertdialog" ? AlertDialogPrimitive : DialogPrimitive;
  const outsideProps =
    role === "alertdialog"
      ? {}
      : {
          onPointerDownOutside: (event: Event) => {
            if (!dismissible) event.preventDefault();
          },
          onInteractOutside: (event: Event) => {
            if (!dismissible) event.preventDefault();
          },
        };
  return (
    <Primitive.Root open={open} onOpenChange={onOpenChange}>
      <Primitive.Portal>
        <Primitive.Overlay
          // A click on the backdrop must not move focus out of the dialog (to <body>).
          onMouseDown={(event) => event.preventDefault()}
          className="fixed inset-0 z-40 bg-slate-950/40 backdrop-blur-[1px]"
        />
        <Primitive.Content
          {...outsideProps}
          {...(description ? {} : { "aria-describedby": undefined })}
          aria-modal="true"
          onOpenAutoFocus={(event) => {
            opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
            focusInitial(event);
          }}
          onCloseAutoFocus={(event) => {
            if (!opener.current?.isConnected) return;
            event.preventDefault();
            opener.current.focus();
          }}
          onFocus={(event) => {
            if (event.target !== event.currentTarget) lastFocused.current = event.target;
          }}
          onKeyDown={(event) => {
            // A focused field that gets disabled (a pending form) drops focus, and Radix then
            // focuses the dialog itself; Tab must go on from that field, as the browser would.
            if (event.key !== "Tab" || event.target !== event.currentTarget) return;
            const target = nextTabbable(tabbables(event.currentTarget), lastFocused.current, event.shiftKey);
            if (!target) return;
            event.preventDefault();
            // After Radix's own Tab handling on this element has run (it looks at the focused element).
            queueMicrotask(() => target.focus());
          }}
          // React bubbles events through portals: a form in the dialog must not submit a form
          // around the dialog's opener (a confirmation inside an editor's form).
          onSubmit={(event) => event.stopPropagation()}
          onEscapeKeyDown={(event) => {
            if (!dismissible) event.preventDefault();
          }}
          className={cn(
            "fixed top-1/2 left-1/2 z-50 flex max-h-[85vh] w-[calc(100%-2rem)] -translate-x-1/2 -translate-y-1/2 flex-col rounded-xl border border-slate-200 bg-white text-left text-sm text-slate-900 shadow-2xl focus:outline-none",
            widths[size],
          )}
        >
          <div className="flex items-start justify-between gap-4 border-b border-slate-200 px-5 py-4">
            <div className="min-w-0">
              <Primitive.Title className="text-base font-semibold">{title}</Primitive.Title>
              {description ? (
                <Primitive.Description className="mt-1 text-[13px] text-slate-500">{description}</Primitive.Description>
              ) : null}
            </div>
            <button
              type="button"
              onClick={() => onOpenChange(false)}
              disabled={!dismissible}
              aria-label="Close"
              className="-m-1 rounded-md p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600 disabled:opacity-40"
            >
              <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4" fill="none">
                <path d="m4 4 8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
              </svg>
            </button>
          </div>
          {children ? (
            <div data-dialog-body className="overflow-y-auto px-5 py-4">
              {children}
            </div>
          ) : null}
          {footer ? (
            <div className="flex flex-wrap justify-end gap-2 rounded-b-xl border-t border-slate-200 bg-slate-50/60 px-5 py-3">
              {footer}
            </div>
          ) : null}
        </Primitive.Content>
      </Primitive.Portal>
    </Primitive.Root>
  );
}
