import { FilterForm } from "@/components/ui/filter-form";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { UtcRangeFields } from "@/components/ui/utc-range-fields";
import type { UsageFilters } from "./usage-filter-params";

export const OUTCOMES = [
  ["ok", "OK"],
  ["error", "Tool error"],
  ["denied", "Denied"],
  ["upstream_error", "Upstream error"],
] as const;

/** Gateway usage filters: a plain GET form (FilterForm), so they live in the URL. */
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
    <FilterForm
      action={action}
      label="Filter gateway usage"
      hint="Server, principal and tool match exactly."
      keep={{ limit }}
    >
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
      <UtcRangeFields from={filters.from} to={filters.to} />
    </FilterForm>
  );
}
