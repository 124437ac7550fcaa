"use client";

import * as ToastPrimitive from "@radix-ui/react-toast";
import { createContext, useCallback, useContext, useState, type ReactNode } from "react";
import { cn } from "./cn";

export type ToastTone = "success" | "error" | "warning" | "info";

export interface ToastInput {
  title: string;
  description?: string;
  tone?: ToastTone;
}

interface ToastItem extends Required<Pick<ToastInput, "title" | "tone">> {
  id: number;
  description?: string;
  open: boolean;
}

const ToastContext = createContext<((toast: ToastInput) => void) | null>(null);

const tones: Record<ToastTone, string> = {
  success: "border-emerald-200 before:bg-emerald-500",
  error: "border-red-200 before:bg-red-500",
  warning: "border-amber-200 before:bg-amber-500",
  info: "border-slate-200 before:bg-indigo-500",
};

let nextId = 1;

/**
 * Holds the toast queue and renders the viewport (Radix Toast: pauses while hovered or focused,
 * F8 jumps to it, swipe or Esc dismisses). Mount once, near the root.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ToastItem[]>([]);
  const push = useCallback((input: ToastInput) => {
    const toast: ToastItem = {
      id: nextId++,
      title: input.title,
      description: input.description,
      tone: input.tone ?? "success",
      open: true,
    };
    setToasts((all) => [...all.filter((item) => item.open).slice(-3), toast]);
  }, []);
  const close = useCallback(
    (id: number) => setToasts((all) => all.map((toast) => (toast.id === id ? { ...toast, open: false } : toast))),
    [],
  );
  return (
    // The toast's content is excluded from Radix's announcer (which would speak it a second time
    // and vanish after a second; it only says "Notification"): the toast itself is the live
    // region, so it stays findable as role="status" (or "alert") while it is shown.
    <ToastPrimitive.Provider label="Notification" swipeDirection="right">
      <ToastContext.Provider value={push}>
        {children}
        {toasts.map((toast) => (
          <ToastPrimitive.Root
            key={toast.id}
            open={toast.open}
            onOpenChange={(open) => {
              if (!open) close(toast.id);
            }}
            // Errors stay longer: they usually say what to do next.
            duration={toast.tone === "error" || toast.tone === "warning" ? 9000 : 5000}
            className={cn(
              "pointer-events-auto relative flex items-start gap-3 overflow-hidden rounded-lg border bg-white py-2.5 pr-2 pl-4 text-[13px] shadow-lg before:absolute before:inset-y-0 before:left-0 before:w-1 focus-visible:outline-2 focus-visible:outline-indigo-600 data-[state=closed]:hidden data-[swipe=move]:translate-x-(--radix-toast-swipe-move-x)",
              tones[toast.tone],
            )}
          >
            <div
              role={toast.tone === "error" ? "alert" : "status"}
              data-radix-toast-announce-exclude=""
              className="min-w-0 flex-1"
            >
              <ToastPrimitive.Title className="font-medium text-slate-900">{toast.title}</ToastPrimitive.Title>
              {toast.description ? (
                <ToastPrimitive.Description className="mt-0.5 text-slate-600">
                  {toast.description}
                </ToastPrimitive.Description>
              ) : null}
            </div>
            <ToastPrimitive.Close
              aria-label="Dismiss notification"
              className="rounded p-1 text-slate-400 hover:bg-slate-100 hover:text-slate-700 focus-visible:outline-2 focus-visible:outline-indigo-600"
            >
              <svg aria-hidden="true" viewBox="0 0 16 16" className="size-3.5" fill="none">
                <path d="m4 4 8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
              </svg>
            </ToastPrimitive.Close>
          </ToastPrimitive.Root>
        ))}
        <ToastPrimitive.Viewport
          aria-live="polite"
          aria-relevant="additions"
          className="pointer-events-none fixed right-4 bottom-4 z-50 flex w-80 max-w-[calc(100%-2rem)] flex-col gap-2 outline-none"
        />
      </ToastContext.Provider>
    </ToastPrimitive.Provider>
  );
}

/** `const toast = useToast(); toast({ title: "Saved", tone: "success" })`. */
export function useToast(): (toast: ToastInput) => void {
  const toast = useContext(ToastContext);
  if (!toast) throw new Error("useToast must be used inside <ToastProvider>");
  return toast;
}
