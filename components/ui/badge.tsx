import type { ReactNode } from "react";
import { cn } from "./cn";

export type BadgeTone = "neutral" | "accent" | "success" | "warning" | "danger";

const tones: Record<BadgeTone, string> = {
  neutral: "bg-slate-100 text-slate-700 ring-slate-200",
  accent: "bg-indigo-50 text-indigo-700 ring-indigo-200",
  success: "bg-emerald-50 text-emerald-700 ring-emerald-200",
  warning: "bg-amber-50 text-amber-800 ring-amber-200",
  danger: "bg-red-50 text-red-700 ring-red-200",
};

const dots: Record<BadgeTone, string> = {
  neutral: "bg-slate-400",
  accent: "bg-indigo-500",
  success: "bg-emerald-500",
  warning: "bg-amber-500",
  danger: "bg-red-500",
};

export function Badge({
  tone = "neutral",
  dot,
  mono,
  wrap,
  title,
  className,
  children,
}: {
  tone?: BadgeTone;
  dot?: boolean;
  mono?: boolean;
  /** Long text breaks inside the badge instead of widening its container (slugs in table cells). */
  wrap?: boolean;
  title?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <span
      title={title}
      className={cn(
        "inline-flex items-center gap-1 rounded-md px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset",
        wrap ? "[overflow-wrap:anywhere]" : "whitespace-nowrap",
        tones[tone],
        mono && "font-mono text-[11px]",
        className,
      )}
    >
      {dot ? <span aria-hidden="true" className={cn("size-1.5 rounded-full", dots[tone])} /> : null}
      {children}
    </span>
  );
}

/** A wrapping row of badges, or a dash when empty. */
export function BadgeList({
  items,
  tone,
  mono,
  wrap,
  empty = "—",
}: {
  items: string[];
  tone?: BadgeTone;
  mono?: boolean;
  /** Long items (server slugs) break inside their badge instead of widening a table column. */
  wrap?: boolean;
  empty?: ReactNode;
}) {
  if (items.length === 0) return <span className="text-slate-400">{empty}</span>;
  return (
    <ul className="flex flex-wrap gap-1">
      {items.map((item) => (
        <li key={item} className="max-w-full">
          <Badge tone={tone} mono={mono} wrap={wrap}>
            {item}
          </Badge>
        </li>
      ))}
    </ul>
  );
}
