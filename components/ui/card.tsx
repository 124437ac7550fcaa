import type { ReactNode } from "react";
import { cn } from "./cn";

export function Card({
  className,
  children,
  as: Tag = "section",
  ...aria
}: {
  className?: string;
  children: ReactNode;
  as?: "section" | "div" | "article";
  "aria-labelledby"?: string;
}) {
  return (
    // A card takes the width it is given and never sizes its container from its content (a long
    // URL, a nowrap hint): contain-inline-size, so no grid column or page grows past the screen.
    <Tag
      className={cn("min-w-0 rounded-lg [contain:inline-size] border border-slate-200 bg-white shadow-xs", className)}
      {...aria}
    >
      {children}
    </Tag>
  );
}

export function CardHeader({
  title,
  description,
  actions,
  id,
  className,
}: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  id?: string;
  className?: string;
}) {
  return (
    <div
      className={cn(
        "flex flex-wrap items-start justify-between gap-x-4 gap-y-2 border-b border-slate-200 px-4 py-3",
        className,
      )}
    >
      <div className="min-w-0">
        <h2 id={id} className="text-sm font-semibold text-slate-900">
          {title}
        </h2>
        {description ? <p className="mt-0.5 text-[13px] text-slate-500">{description}</p> : null}
      </div>
      {actions ? <div className="flex shrink-0 items-center gap-2">{actions}</div> : null}
    </div>
  );
}

export function CardBody({ className, children }: { className?: string; children: ReactNode }) {
  return <div className={cn("px-4 py-3", className)}>{children}</div>;
}
