import { buttonClasses, ButtonLink } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { toLocalInput } from "@/components/ui/utc-datetime-input";
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

/** A plain GET form: filters live in the URL, run on the server and survive reloads and sharing. */
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
    <form
      method="get"
      action={action}
      aria-label="Filter audit events"
      className="rounded-lg border border-slate-200 bg-white p-3 shadow-xs"
    >
      {sort ? <input type="hidden" name="sort" value={sort} /> : null}
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
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
        <FormField label="From (UTC)">
          {(control) => (
            <Input {...control} name="from" type="datetime-local" defaultValue={toLocalInput(filters.from)} />
          )}
        </FormField>
        <FormField label="To (UTC)">
          {(control) => <Input {...control} name="to" type="datetime-local" defaultValue={toLocalInput(filters.to)} />}
        </FormField>
      </div>
      <div className="mt-3 flex items-center justify-end gap-2">
        <p className="mr-auto text-xs text-slate-500">
          Actor and target match a name or id exactly; an action ending in “.” matches its whole family.
        </p>
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
