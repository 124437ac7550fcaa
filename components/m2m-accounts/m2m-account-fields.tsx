"use client";

import type { z } from "zod";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import type { ApiForm } from "@/components/ui/use-api-form";
import { createM2mAccountSchema } from "@/lib/iam/m2m-accounts/schemas";

export interface GroupOption {
  name: string;
  description: string;
}

export interface M2mAccountDraft {
  tenantId: string;
  clientId: string;
  name: string;
  description: string;
  groups: string[];
}

interface FieldsProps {
  form: ApiForm<z.input<typeof m2mAccountFormSchema>, z.output<typeof m2mAccountFormSchema>>;
  groupOptions: GroupOption[];
  /** Tenant and client id identify the app: editable only when linking. */
  identityEditable: boolean;
  disabled?: boolean;
}

/**
 * The link and edit forms share one schema: the API's create rules. On edit the tenant and client
 * id are the stored (valid) ones and are not sent; the PATCH carries the rest.
 */
export const m2mAccountFormSchema = createM2mAccountSchema.omit({ enabled: true });

const GUID_PLACEHOLDER = "00000000-0000-0000-0000-000000000000";

/** The M2M account inputs shared by "Link Entra app" and "Edit". */
export function M2mAccountFields({
  form: { form, fieldError, setField },
  groupOptions,
  identityEditable,
  disabled,
}: FieldsProps) {
  const [name, description, groups] = form.watch(["name", "description", "groups"]);
  return (
    <div className="space-y-4">
      {identityEditable ? (
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <FormField
            label="Tenant id"
            hint="Directory (tenant) id of the app registration."
            error={fieldError("tenantId")}
            required
            name="tenantId"
          >
            {(control) => (
              <Input
                {...control}
                mono
                placeholder={GUID_PLACEHOLDER}
                {...form.register("tenantId")}
                disabled={disabled}
                autoComplete="off"
                spellCheck={false}
              />
            )}
          </FormField>
          <FormField
            label="Client id"
            hint="Application (client) id, from Entra ID > App registrations."
            error={fieldError("clientId")}
            required
            name="clientId"
          >
            {(control) => (
              <Input
                {...control}
                mono
                placeholder={GUID_PLACEHOLDER}
                {...form.register("clientId")}
                disabled={disabled}
                autoComplete="off"
                spellCheck={false}
              />
            )}
          </FormField>
        </div>
      ) : null}
      <FormField
        label="Name"
        hint="Shown in lists and the audit log, e.g. “ci-deploy-pipeline”."
        error={fieldError("name")}
        required
        name="name"
        count={{ length: name.length, max: 100 }}
      >
        {(control) => <Input {...control} {...form.register("name")} disabled={disabled} autoComplete="off" />}
      </FormField>
      <FormField
        label="Description"
        hint="What the app does and who owns it."
        error={fieldError("description")}
        name="description"
        count={{ length: (description ?? "").length, max: 2000 }}
      >
        {(control) => <Textarea {...control} {...form.register("description")} disabled={disabled} rows={2} />}
      </FormField>
      <CheckboxGroup
        legend="Groups"
        hint="The app sees the servers and tools these groups grant. Without groups it sees an empty catalog."
        error={fieldError("groups")}
        options={groupOptions.map((group) => ({ value: group.name, hint: group.description || undefined }))}
        value={groups ?? []}
        onChange={(next) => setField("groups", next)}
        emptyText="No groups exist yet. Create one under IAM > Groups, then assign it here."
        disabled={disabled}
        mono
      />
    </div>
  );
}
