import { buttonClasses } from "./button";
import { cn } from "./cn";
import { Select, type SelectOption } from "./select";
import { param, type SearchParamsRecord } from "./url-state";

export interface ListFilter {
  /** The query parameter (`enabled`, `group`, `status`…). */
  name: string;
  label: string;
  /** The first option should be the "any" choice with value "". */
  options: SelectOption[];
}

/**
 * A GET form of select filters: the view lives in the URL (shareable), runs on the server and
 * works without JavaScript. Search and sort are kept; paging restarts.
 */
export function ListFilters({
  action,
  params,
  filters,
  className,
}: {
  action: string;
  params: SearchParamsRecord;
  filters: ListFilter[];
  className?: string;
}) {
  const own = new Set(filters.map((filter) => filter.name));
  return (
    <form
      action={action}
      method="get"
      aria-label="Filters"
      className={cn("flex max-w-full min-w-0 flex-wrap items-end gap-2", className)}
    >
      {Object.keys(params).map((key) => {
        const value = param(params, key);
        if (own.has(key) || key === "cursor" || key === "trail" || !value) return null;
        return <input key={key} type="hidden" name={key} value={value} />;
      })}
      {filters.map((filter) => (
        <label key={filter.name} className="flex max-w-full min-w-0 items-center gap-1.5 text-[13px] text-slate-600">
          {filter.label}
          <Select
            name={filter.name}
            defaultValue={param(params, filter.name) ?? ""}
            options={filter.options}
            className="w-auto max-w-40 min-w-0"
          />
        </label>
      ))}
      <button type="submit" className={buttonClasses({ size: "md" })}>
        Apply
      </button>
    </form>
  );
}
