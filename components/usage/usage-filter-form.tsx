import { buttonClasses, ButtonLink } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { toLocalInput } from "@/components/ui/utc-datetime-input";
import type { UsageFilters } from "./usage-filter-params";

export const OUTCOMES = [
  ["ok", "OK"],
  ["error", "Tool error"],
  ["denied", "Denied"],
  ["upstream_error", "Upstream error"],
] as const;

/** A plain GET form: filters live in the URL, run on the server and survive reloads and sharing. */
export function UsageFilterForm({
  filters,
  action,
  limit,
}: {
  filters: UsageFilters;
  action: string;
  /** A page size other than the default, kept across filtering. */
  limit?: number;
}) {
  return (
    <form
      method="get"
      action={action}
      aria-label="Filter gateway usage"
      className="rounded-lg border border-slate-200 bg-white p-3 shadow-xs"
    >
      {limit ? <input type="hidden" name="limit" value={limit} /> : null}
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <FormField label="Server">
          {(control) => (
            <Input
              {...control}
              name="server"
              defaultValue={filters.server}
              placeholder="Server slug"
              autoComplete="off"
              spellCheck={false}
              className="font-mono text-[13px]"
            />
          )}
        </FormField>
        <FormField label="Principal">
          {(control) => (
            <Input
              {...control}
              name="principal"
              defaultValue={filters.principal}
              placeholder="Name or id"
              title="The caller's exact display name or id"
            />
          )}
        </FormField>
        <FormField label="Tool">
          {(control) => (
            <Input
              {...control}
              name="tool"
              defaultValue={filters.tool}
              placeholder="Tool name"
              autoComplete="off"
              spellCheck={false}
              className="font-mono text-[13px]"
            />
          )}
        </FormField>
        <FormField label="Outcome">
          {(control) => (
            <Select {...control} name="outcome" defaultValue={filters.outcome ?? ""}>
              <option value="">Any outcome</option>
              {OUTCOMES.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </Select>
          )}
        </FormField>
        <FormField label="From (UTC)">
          {(control) => (
            <Input {...control} name="from" type="datetime-local" defaultValue={toLocalInput(filters.from)} />
          )}
        </FormField>
        <FormField label="To (UTC)">
          {(control) => <Input {...control} name="to" type="datetime-local" defaultValue={toLocalInput(filters.to)} />}
        </FormField>
      </div>
      <div className="mt-3 flex flex-wrap items-center justify-end gap-2">
        <p className="mr-auto text-xs text-slate-500">Server, principal and tool match exactly.</p>
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
