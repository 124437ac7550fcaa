import { buttonClasses, ButtonLink } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { toLocalInput, type AuditFilters } from "./audit-filter-params";

/** Actions the registry records; a value ending in "." matches every action with that prefix. */
const ACTION_GROUPS: { label: string; options: { value: string; label: string }[] }[] = [
  { label: "Families", options: ["group.", "user.", "m2m-account.", "server.", "token.", "auth."].map((v) => ({ value: v, label: `${v}* (all ${v.slice(0, -1)} events)` })) },
  { label: "Groups", options: ["group.create", "group.update", "group.delete"].map((v) => ({ value: v, label: v })) },
  { label: "Users", options: ["user.create", "user.update"].map((v) => ({ value: v, label: v })) },
  { label: "M2M accounts", options: ["m2m-account.create", "m2m-account.update", "m2m-account.delete", "m2m-account.bootstrap"].map((v) => ({ value: v, label: v })) },
  { label: "Catalog", options: ["server.create", "server.update", "server.delete", "server.tools.replace"].map((v) => ({ value: v, label: v })) },
  { label: "API tokens", options: ["token.create", "token.revoke", "token.rotate"].map((v) => ({ value: v, label: v })) },
  { label: "Authentication", options: ["auth.failed", "auth.denied"].map((v) => ({ value: v, label: v })) },
];

const known = new Set(ACTION_GROUPS.flatMap((group) => group.options.map((o) => o.value)));

/** A plain GET form: filters live in the URL, run on the server and survive reloads and sharing. */
export function AuditFilterForm({ filters, action }: { filters: AuditFilters; action: string }) {
  return (
    <form method="get" action={action} aria-label="Filter audit events" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-3 shadow-xs sm:grid-cols-2 lg:grid-cols-[repeat(6,minmax(0,1fr))_auto]">
      <FormField label="Actor" hint="Name or id, exact">
        {(control) => <Input {...control} name="actor" defaultValue={filters.actor} placeholder="Adele Vance" />}
      </FormField>
      <FormField label="Action">
        {(control) => (
          <Select {...control} name="action" defaultValue={filters.action ?? ""}>
            <option value="">Any action</option>
            {filters.action && !known.has(filters.action) ? <option value={filters.action}>{filters.action}</option> : null}
            {ACTION_GROUPS.map((group) => (
              <optgroup key={group.label} label={group.label}>
                {group.options.map((option) => (
                  <option key={option.value} value={option.value}>{option.label}</option>
                ))}
              </optgroup>
            ))}
          </Select>
        )}
      </FormField>
      <FormField label="Target" hint="Name or id, exact">
        {(control) => <Input {...control} name="target" defaultValue={filters.target} placeholder="team-payments" />}
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
        {(control) => <Input {...control} name="from" type="datetime-local" defaultValue={toLocalInput(filters.from)} />}
      </FormField>
      <FormField label="To (UTC)">
        {(control) => <Input {...control} name="to" type="datetime-local" defaultValue={toLocalInput(filters.to)} />}
      </FormField>
      <div className="flex items-start gap-2 pt-5">
        <button type="submit" className={buttonClasses({ variant: "primary" })}>Apply filters</button>
        <ButtonLink href={action} variant="ghost">Clear</ButtonLink>
      </div>
    </form>
  );
}
