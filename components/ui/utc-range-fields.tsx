import { FormField } from "./form-field";
import { Input } from "./input";
import { toLocalInput } from "./utc-datetime-input";

/**
 * "From (UTC)" and "To (UTC)" of a filter form: `datetime-local` inputs named `from` and `to`,
 * read as UTC (readFilterParams) and filled back from the stored UTC values.
 */
export function UtcRangeFields({ from, to }: { from?: string; to?: string }) {
  return (
    <>
      <FormField label="From (UTC)">
        {(control) => <Input {...control} name="from" type="datetime-local" defaultValue={toLocalInput(from)} />}
      </FormField>
      <FormField label="To (UTC)">
        {(control) => <Input {...control} name="to" type="datetime-local" defaultValue={toLocalInput(to)} />}
      </FormField>
    </>
  );
}
