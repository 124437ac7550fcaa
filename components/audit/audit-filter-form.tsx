import { FilterForm } from "@/components/ui/filter-form";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { UtcRangeFields } from "@/components/ui/utc-range-fields";
import type { AuditFilters } from "./audit-filter-params";

/** Suggestions only: the field takes any action, and a value ending in "." matches the family. */
const ACTIONS = [
  ["group.", "every group change"],
  ["group.create"],
  ["group.update"],
  ["group.delete"],
  ["user.", "every user event"],
  ["user.create"],
  ["user.update"],
  ["user.disable"],
  ["user.enable"],
  ["user.sign-out"],
  ["user.sign-in"],
  ["user.first-sign-in"],
  ["m2m-account.", "every M2M account change"],
  ["m2m-account.create"],
  ["m2m-account.update"],
  ["m2m-account.disable"],
  ["m2m-account.enable"],
  ["m2m-account.delete"],
  ["m2m-account.bootstrap"],
  ["server.", "every catalog change"],
  ["server.create"],
  ["server.update"],
  ["server.disable"],
  ["server.enable"],
  ["server.delete"],
  ["server.tools.replace"],
  ["token.", "every API token event"],
  ["token.create"],
  ["token.revoke"],
  ["token.rotate"],
  ["auth.", "refused and failed authentications"],
  ["auth.failed"],
  ["auth.denied"],
] as const;

/** Audit log filters: a plain GET form (FilterForm), so they live in the URL. */
export function AuditFilterForm({
  filters,
  sort,
  action,
}: {
  filters: AuditFilters;
  /** The list's `?sort=`, kept when the filters change. */
  sort?: string;
  action: string;
}) {
  return (
    <FilterForm
      action={action}
      label="Filter audit events"
      hint="Actor and target match a name or id exactly; an action ending in “.” matches its whole family."
      keep={{ sort }}
    >
      <FormField label="Actor">
        {(control) => (
          <Input
            {...control}
            name="actor"
            defaultValue={filters.actor}
            placeholder="Name or id"
            title="The actor's exact name or id"
          />
        )}
      </FormField>
      <FormField label="Action">
        {(control) => (
          <>
            <Input
              {...control}
              name="action"
              defaultValue={filters.action}
              placeholder="group. or group.update"
              list="audit-action-suggestions"
              autoComplete="off"
              spellCheck={false}
              className="font-mono text-[13px]"
            />
            <datalist id="audit-action-suggestions">
              {ACTIONS.map(([value, label]) => (
                <option key={value} value={value} label={label} />
              ))}
            </datalist>
          </>
        )}
      </FormField>
      <FormField label="Target">
        {(control) => (
          <Input
            {...control}
            name="target"
            defaultValue={filters.target}
            placeholder="Name or id"
            title="The target's exact name or id"
          />
        )}
      </FormField>
      <FormField label="Outcome">
        {(control) => (
          <Select {...control} name="outcome" defaultValue={filters.outcome ?? ""}>
            <option value="">Any outcome</option>
            <option value="success">Success</option>
            <option value="denied">Denied</option>
            <option value="failure">Failure</option>
          </Select>
        )}
      </FormField>
      <UtcRangeFields from={filters.from} to={filters.to} />
    </FilterForm>
  );
}
