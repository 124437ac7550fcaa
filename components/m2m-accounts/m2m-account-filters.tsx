import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { hrefWith, param, type SearchParamsRecord } from "@/components/ui/url-state";

const FILTERS = [
  { key: "expiring", label: "Credentials expiring soon" },
  { key: "unused", label: "Not used in 30 days" },
] as const;

/** Toggle links: the filters live in the URL (`?expiring=1`, `?unused=1`), paging restarts. */
export function M2mAccountFilters({ basePath, params }: { basePath: string; params: SearchParamsRecord }) {
  return (
    <nav aria-label="Filters" className="flex flex-wrap gap-2">
      {FILTERS.map(({ key, label }) => {
        const active = param(params, key) === "1";
        return (
          <Link
            key={key}
            href={hrefWith(basePath, params, { [key]: active ? null : "1", cursor: null, trail: null })}
            aria-current={active ? "true" : undefined}
            className={cn(
              "rounded-full border px-3 py-1 text-xs font-medium focus-visible:outline-2 focus-visible:outline-indigo-600",
              active
                ? "border-indigo-300 bg-indigo-50 text-indigo-700"
                : "border-slate-200 bg-white text-slate-600 hover:bg-slate-50",
            )}
          >
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
