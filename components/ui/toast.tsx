"use client";

import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
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
}

const ToastContext = createContext<((toast: ToastInput) => void) | null>(null);

const tones: Record<ToastTone, string> = {
  success: "border-emerald-200 before:bg-emerald-500",
  error: "border-red-200 before:bg-red-500",
  warning: "border-amber-200 before:bg-amber-500",
  info: "border-slate-200 before:bg-indigo-500",
};

let nextId = 1;

/** Holds the toast queue and renders the live region. Mount once, near the root. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ToastItem[]>([]);
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((toast) => toast.id !== id)), []);
  const push = useCallback(
    (input: ToastInput) => {
      const toast: ToastItem = {
        id: nextId++,
        title: input.title,
        description: input.description,
        tone: input.tone ?? "success",
      };
      setToasts((all) => [...all.slice(-3), toast]);
      // Errors stay longer: they usually say what to do next.
      setTimeout(() => dismiss(toast.id), toast.tone === "error" || toast.tone === "warning" ? 9000 : 5000);
    },
    [dismiss],
  );
  const value = useMemo(() => push, [push]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <div
        aria-live="polite"
        aria-relevant="additions"
        className="pointer-events-none fixed right-4 bottom-4 z-50 flex w-80 max-w-[calc(100%-2rem)] flex-col gap-2"
      >
        {toasts.map((toast) => (
          <div
            key={toast.id}
            role={toast.tone === "error" ? "alert" : "status"}
            className={cn(
              "pointer-events-auto relative flex items-start gap-3 overflow-hidden rounded-lg border bg-white py-2.5 pr-2 pl-4 text-[13px] shadow-lg before:absolute before:inset-y-0 before:left-0 before:w-1",
              tones[toast.tone],
            )}
          >
            <div className="min-w-0 flex-1">
              <p className="font-medium text-slate-900">{toast.title}</p>
              {toast.description ? <p className="mt-0.5 text-slate-600">{toast.description}</p> : null}
            </div>
            <button
              type="button"
              onClick={() => dismiss(toast.id)}
              aria-label="Dismiss notification"
              className="rounded p-1 text-slate-400 hover:bg-slate-100 hover:text-slate-700 focus-visible:outline-2 focus-visible:outline-indigo-600"
            >
              <svg aria-hidden="true" viewBox="0 0 16 16" className="size-3.5" fill="none">
                <path d="m4 4 8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
              </svg>
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

/** `const toast = useToast(); toast({ title: "Saved", tone: "success" })`. */
export function useToast(): (toast: ToastInput) => void {
  const toast = useContext(ToastContext);
  if (!toast) throw new Error("useToast must be used inside <ToastProvider>");
  return toast;
}
