import Link from "next/link";
import { buttonClasses } from "./button";
import { cn } from "./cn";
import { hrefWith, param, type SearchParamsRecord } from "./url-state";

export interface PaginationProps {
  basePath: string;
  /** The current search params (q, filters and cursor are kept; cursor is replaced). */
  params: SearchParamsRecord;
  nextCursor: string | null;
  /** Shown as "N items on this page". */
  count?: number;
  className?: string;
}

/** `?trail=`: the cursors of the pages before this one ("-" is the first page), for "Previous". */
function trailOf(params: SearchParamsRecord): string[] {
  return (param(params, "trail") ?? "")
    .split(".")
    .filter((part) => part !== "")
    .slice(-50);
}

/**
 * Cursor paging in the URL: "First page" (drops `?cursor=`), "Previous" and "Next"
 * (`?cursor=next`). Keyset cursors only point forward, so the URL keeps the trail of earlier
 * cursors (`?trail=`, dot-separated: base64url has no dots) and "Previous" pops it.
 */
export function Pagination({ basePath, params, nextCursor, count, className }: PaginationProps) {
  const onFirstPage = !param(params, "cursor");
  if (onFirstPage && !nextCursor) {
    return count === undefined || count === 0 ? null : (
      <p className={cn("px-1 text-xs text-slate-500", className)}>
        {count} {count === 1 ? "item" : "items"}
      </p>
    );
  }
  const disabled = buttonClasses({ size: "sm", className: "pointer-events-none opacity-50" });
  const trail = trailOf(params);
  const previous = trail.at(-1);
  const previousHref = hrefWith(basePath, params, {
    cursor: previous === "-" ? null : previous,
    trail: trail.slice(0, -1).join(".") || null,
  });
  const nextHref = nextCursor
    ? hrefWith(basePath, params, { cursor: nextCursor, trail: [...trail, param(params, "cursor") || "-"].join(".") })
    : null;
  return (
    <nav aria-label="Pagination" className={cn("flex items-center justify-between gap-2", className)}>
      <p className="px-1 text-xs text-slate-500">
        {count !== undefined ? `${count} ${count === 1 ? "item" : "items"} on this page` : null}
      </p>
      <div className="flex gap-2">
        {onFirstPage ? (
          <span aria-disabled="true" className={disabled}>
            First page
          </span>
        ) : (
          <Link
            className={buttonClasses({ size: "sm" })}
            href={hrefWith(basePath, params, { cursor: null, trail: null })}
          >
            First page
          </Link>
        )}
        {onFirstPage || previous === undefined ? (
          <span aria-disabled="true" className={disabled}>
            ← Previous
          </span>
        ) : (
          <Link className={buttonClasses({ size: "sm" })} href={previousHref} rel="prev">
            ← Previous
          </Link>
        )}
        {nextHref ? (
          <Link className={buttonClasses({ size: "sm" })} href={nextHref} rel="next">
            Next →
          </Link>
        ) : (
          <span aria-disabled="true" className={disabled}>
            Next →
          </span>
        )}
      </div>
    </nav>
  );
}
