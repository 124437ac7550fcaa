import type { ReactNode } from "react";
import { cn } from "./cn";
import { Pagination } from "./pagination";
import type { SearchParamsRecord } from "./url-state";

export interface Column<T> {
  /** Stable key (also the React key of the cell). */
  id: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Classes for both th and td (width, alignment). */
  className?: string;
  /** Use a th scope="row" for this column (the row's name). */
  rowHeader?: boolean;
  /** Hide a secondary column below this breakpoint, so the table fits narrower screens. */
  hideBelow?: "sm" | "md" | "lg" | "xl" | "2xl";
}

// Literal class names, so Tailwind generates them.
const HIDE_BELOW = { sm: "hidden sm:table-cell", md: "hidden md:table-cell", lg: "hidden lg:table-cell", xl: "hidden xl:table-cell", "2xl": "hidden 2xl:table-cell" } as const;

export interface DataTableProps<T> {
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  /** Accessible name of the table (visually hidden caption). */
  caption: string;
  /** Rendered instead of the table when there are no rows. */
  empty?: ReactNode;
  /** Toolbar above the table (search box, filters). */
  toolbar?: ReactNode;
  /** Server-side cursor paging; omit for unpaged tables. */
  paging?: { basePath: string; params: SearchParamsRecord; nextCursor: string | null };
  className?: string;
}

/**
 * A generic table: a `columns` definition, rows, an empty-state slot and cursor paging via
 * links (`?cursor=`), so filtering and paging live in the URL and run on the server.
 * Works in server components (cells are plain functions rendered on the server).
 */
export function DataTable<T>({ columns, rows, rowKey, caption, empty, toolbar, paging, className }: DataTableProps<T>) {
  return (
    <div className={cn("space-y-3", className)}>
      {toolbar ? <div className="flex flex-wrap items-center gap-2">{toolbar}</div> : null}
      {/* relative: the scroll box must contain absolutely positioned cells' content (sr-only labels), or it widens the page. */}
      <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-xs">
        {rows.length === 0 && empty ? (
          empty
        ) : (
          <table className="w-full border-collapse text-left text-[13px]">
            <caption className="sr-only">{caption}</caption>
            <thead className="border-b border-slate-200 bg-slate-50/80">
              <tr>
                {columns.map((column) => (
                  <th key={column.id} scope="col" className={cn("px-3 py-2 text-xs font-medium whitespace-nowrap text-slate-500", column.hideBelow && HIDE_BELOW[column.hideBelow], column.className)}>
                    {column.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((row) => (
                <tr key={rowKey(row)} className="hover:bg-slate-50/60">
                  {columns.map((column) =>
                    column.rowHeader ? (
                      <th key={column.id} scope="row" className={cn("px-3 py-2 text-left align-top font-medium text-slate-900", column.hideBelow && HIDE_BELOW[column.hideBelow], column.className)}>
                        {column.cell(row)}
                      </th>
                    ) : (
                      <td key={column.id} className={cn("px-3 py-2 align-top text-slate-700", column.hideBelow && HIDE_BELOW[column.hideBelow], column.className)}>
                        {column.cell(row)}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {paging ? <Pagination basePath={paging.basePath} params={paging.params} nextCursor={paging.nextCursor} count={rows.length} /> : null}
    </div>
  );
}
