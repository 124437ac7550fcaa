import { cn } from "./cn";
import { controlClasses } from "./input";
import { buttonClasses } from "./button";
import type { SearchParamsRecord } from "./url-state";

export interface SearchBoxProps {
  /** Where the GET form submits (the list page's path). */
  action: string;
  /** Current value of `?q=`. */
  defaultValue?: string;
  /** Accessible label (e.g. "Search servers"). */
  label: string;
  placeholder?: string;
  /** Other params to keep (e.g. filters); `q` and `cursor` are never kept. */
  keep?: SearchParamsRecord;
  className?: string;
}

/**
 * A plain GET form that sets `?q=` (and resets paging), so search runs on the server and
 * works without JavaScript.
 */
export function SearchBox({ action, defaultValue, label, placeholder, keep = {}, className }: SearchBoxProps) {
  return (
    <form
      role="search"
      action={action}
      method="get"
      className={cn("flex w-full max-w-100 min-w-0 items-center gap-2", className)}
    >
      {Object.entries(keep).map(([key, value]) => {
        const first = Array.isArray(value) ? value[0] : value;
        if (key === "q" || key === "cursor" || key === "trail" || !first) return null;
        return <input key={key} type="hidden" name={key} value={first} />;
      })}
      <div className="relative min-w-0 flex-1">
        <svg
          aria-hidden="true"
          viewBox="0 0 16 16"
          className="pointer-events-none absolute top-1/2 left-2.5 size-3.5 -translate-y-1/2 text-slate-400"
          fill="none"
        >
          <circle cx="7" cy="7" r="4.5" stroke="currentColor" strokeWidth="1.5" />
          <path d="m10.5 10.5 3 3" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
        </svg>
        <input
          type="search"
          name="q"
          aria-label={label}
          defaultValue={defaultValue}
          placeholder={placeholder ?? "Search…"}
          className={cn(controlClasses, "h-8 pl-8")}
        />
      </div>
      <button type="submit" className={buttonClasses({ size: "md" })}>
        Search
      </button>
    </form>
  );
}
