import Link from "next/link";
import { SearchBox } from "@/components/ui/search-box";
import { hrefWith, type SearchParamsRecord } from "@/components/ui/url-state";
import { cn } from "@/components/ui/cn";

const chip =
  "inline-flex items-center gap-1 rounded-full px-2.5 py-0.5 text-xs ring-1 ring-inset focus-visible:outline-2 focus-visible:outline-indigo-600";

/** Search (`?q=`) and tag filter (`?tag=`); tags offered are those on the listed servers. */
export function CatalogFilters({
  params,
  q,
  tag,
  tags,
}: {
  params: SearchParamsRecord;
  q?: string;
  tag?: string;
  tags: string[];
}) {
  const offered = [...new Set([...(tag ? [tag] : []), ...tags])].sort().slice(0, 20);
  return (
    <div className="w-full space-y-2.5">
      <SearchBox
        action="/"
        label="Search servers"
        placeholder="Name, description or tag"
        defaultValue={q}
        keep={params}
      />
      {offered.length > 0 ? (
        <nav aria-label="Filter by tag" className="flex flex-wrap items-center gap-1.5">
          <span className="text-xs text-slate-500">Tags</span>
          <Link
            href={hrefWith("/", params, { tag: undefined, cursor: undefined })}
            aria-current={!tag ? "true" : undefined}
            className={cn(
              chip,
              !tag
                ? "bg-indigo-600 text-white ring-indigo-600"
                : "bg-white text-slate-700 ring-slate-200 hover:bg-slate-50",
            )}
          >
            All
          </Link>
          {offered.map((name) => (
            <Link
              key={name}
              href={hrefWith("/", params, { tag: name === tag ? undefined : name, cursor: undefined })}
              aria-current={name === tag ? "true" : undefined}
              className={cn(
                chip,
                name === tag
                  ? "bg-indigo-600 text-white ring-indigo-600"
                  : "bg-white text-slate-700 ring-slate-200 hover:bg-slate-50",
              )}
            >
              {name}
              {name === tag ? (
                <>
                  <span aria-hidden="true">×</span>
                  <span className="sr-only">, remove filter</span>
                </>
              ) : null}
            </Link>
          ))}
        </nav>
      ) : null}
    </div>
  );
}
