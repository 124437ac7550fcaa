import type { ReactNode } from "react";
import { buttonClasses, ButtonLink } from "./button";

/**
 * A plain GET form of filter fields: the filters live in the URL, run on the server and survive
 * reloads and sharing. Fields in a grid, then the hint, Clear (the unfiltered list) and Apply.
 * `keep` goes along as hidden fields (a sort, a page size); the cursor does not, so paging restarts.
 */
export function FilterForm({
  action,
  label,
  hint,
  keep = {},
  children,
}: {
  action: string;
  /** The form's accessible name ("Filter audit events"). */
  label: string;
  hint: ReactNode;
  keep?: Record<string, string | number | undefined>;
  children: ReactNode;
}) {
  return (
    <form
      method="get"
      action={action}
      aria-label={label}
      className="rounded-lg border border-slate-200 bg-white p-3 shadow-xs"
    >
      {Object.entries(keep).map(([name, value]) =>
        value === undefined || value === "" ? null : <input key={name} type="hidden" name={name} value={value} />,
      )}
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">{children}</div>
      <div className="mt-3 flex flex-wrap items-center justify-end gap-2">
        <p className="mr-auto text-xs text-slate-500">{hint}</p>
        <ButtonLink href={action} variant="ghost">
          Clear
        </ButtonLink>
        <button type="submit" className={buttonClasses({ variant: "primary" })}>
          Apply filters
        </button>
      </div>
    </form>
  );
}
