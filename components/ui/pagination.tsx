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

/**
 * Cursor paging in the URL: "First page" (drops `?cursor=`) and "Next" (`?cursor=next`).
 * Cursors are opaque keyset positions, so there is no "previous" or page count.
 */
export function Pagination({ basePath, params, nextCursor, count, className }: PaginationProps) {
  const onFirstPage = !param(params, "cursor");
  if (onFirstPage && !nextCursor) {
    return count === undefined || count === 0 ? null : <p className={cn("px-1 text-xs text-slate-500", className)}>{count} {count === 1 ? "item" : "items"}</p>;
  }
  const disabled = buttonClasses({ size: "sm", className: "pointer-events-none opacity-50" });
  return (
    <nav aria-label="Pagination" className={cn("flex items-center justify-between gap-2", className)}>
      <p className="px-1 text-xs text-slate-500">{count !== undefined ? `${count} ${count === 1 ? "item" : "items"} on this page` : null}</p>
      <div className="flex gap-2">
        {onFirstPage ? (
          <span aria-disabled="true" className={disabled}>First page</span>
        ) : (
          <Link className={buttonClasses({ size: "sm" })} href={hrefWith(basePath, params, { cursor: undefined })}>First page</Link>
        )}
        {nextCursor ? (
          <Link className={buttonClasses({ size: "sm" })} href={hrefWith(basePath, params, { cursor: nextCursor })} rel="next">Next →</Link>
        ) : (
          <span aria-disabled="true" className={disabled}>Next →</span>
        )}
      </div>
    </nav>
  );
}
