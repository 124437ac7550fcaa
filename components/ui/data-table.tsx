import Link from "next/link";
import type { ReactNode } from "react";
import { cn } from "./cn";
import { Pagination } from "./pagination";
import { hrefWith, type SearchParamsRecord } from "./url-state";

export interface Column<T> {
  /** Stable key (also the React key of the cell). */
  id: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Classes for both th and td (width, alignment). */
  className?: string;
  /** Use a th scope="row" for this column (the row's name). */
  rowHeader?: boolean;
  /** The server-side sort key (`?sort=key` / `?sort=-key`) this column's header toggles. */
  sortKey?: string;
  /** Hide a secondary column below this breakpoint, so the table fits narrower screens. */
  hideBelow?: "sm" | "md" | "lg" | "xl" | "2xl";
}

// Literal class names, so Tailwind generates them.
const HIDE_BELOW = {
  sm: "hidden sm:table-cell",
  md: "hidden md:table-cell",
  lg: "hidden lg:table-cell",
  xl: "hidden xl:table-cell",
  "2xl": "hidden 2xl:table-cell",
} as const;

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
  /** Server-side sort: the current `?sort=` token (e.g. `-lastUsedAt`); headers with a sortKey become links. */
  sort?: { basePath: string; params: SearchParamsRecord; current: string };
  className?: string;
}

/** A sortable header: a link to the other direction (a new sort starts on the first page). */
function SortHeader({
  label,
  sortKey,
  sort,
}: {
  label: ReactNode;
  sortKey: string;
  sort: NonNullable<DataTableProps<unknown>["sort"]>;
}) {
  const active = sort.current.replace(/^-/, "") === sortKey;
  const desc = active && sort.current.startsWith("-");
  const next = active && !desc ? `-${sortKey}` : sortKey;
  return (
    <Link
      href={hrefWith(sort.basePath, sort.params, { sort: next, cursor: null, trail: null })}
      className={cn("inline-flex items-center gap-1 hover:text-slate-800", active && "text-slate-800")}
    >
      {label}
      <span aria-hidden="true" className="text-[10px]">
        {active ? (desc ? "▼" : "▲") : "↕"}
      </span>
    </Link>
  );
}

/**
 * A generic table: a `columns` definition, rows, an empty-state slot and cursor paging via
 * links (`?cursor=`), so filtering and paging live in the URL and run on the server.
 * Works in server components (cells are plain functions rendered on the server).
 */
export function DataTable<T>({
  columns,
  rows,
  rowKey,
  caption,
  empty,
  toolbar,
  paging,
  sort,
  className,
}: DataTableProps<T>) {
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
                  <th
                    key={column.id}
                    scope="col"
                    aria-sort={
                      sort && column.sortKey && sort.current.replace(/^-/, "") === column.sortKey
                        ? sort.current.startsWith("-")
                          ? "descending"
                          : "ascending"
                        : undefined
                    }
                    className={cn(
                      "px-3 py-2 text-xs font-medium whitespace-nowrap text-slate-500",
                      column.hideBelow && HIDE_BELOW[column.hideBelow],
                      column.className,
                    )}
                  >
                    {sort && column.sortKey ? (
                      <SortHeader label={column.header} sortKey={column.sortKey} sort={sort} />
                    ) : (
                      column.header
                    )}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((row) => (
                <tr key={rowKey(row)} className="hover:bg-slate-50/60">
                  {columns.map((column) =>
                    column.rowHeader ? (
                      <th
                        key={column.id}
                        scope="row"
                        className={cn(
                          "px-3 py-2 text-left align-top font-medium text-slate-900",
                          column.hideBelow && HIDE_BELOW[column.hideBelow],
                          column.className,
                        )}
                      >
                        {column.cell(row)}
                      </th>
                    ) : (
                      <td
                        key={column.id}
                        className={cn(
                          "px-3 py-2 align-top text-slate-700",
                          column.hideBelow && HIDE_BELOW[column.hideBelow],
                          column.className,
                        )}
                      >
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
      {paging ? (
        <Pagination
          basePath={paging.basePath}
          params={paging.params}
          nextCursor={paging.nextCursor}
          count={rows.length}
        />
      ) : null}
    </div>
  );
}
