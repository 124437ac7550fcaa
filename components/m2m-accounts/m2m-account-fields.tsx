"use client";

import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import type { FieldErrors } from "@/components/ui/form-errors";

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
  draft: M2mAccountDraft;
  errors: FieldErrors;
  groupOptions: GroupOption[];
  onChange: (draft: M2mAccountDraft) => void;
  onBlurField?: (field: keyof M2mAccountDraft) => void;
  /** Tenant and client id identify the app: editable only when linking. */
  identityEditable: boolean;
  disabled?: boolean;
}

const GUID_PLACEHOLDER = "00000000-0000-0000-0000-000000000000";

/** The M2M account inputs shared by "Link Entra app" and "Edit". */
export function M2mAccountFields({
  draft,
  errors,
  groupOptions,
  onChange,
  onBlurField,
  identityEditable,
  disabled,
}: FieldsProps) {
  const set = <K extends keyof M2mAccountDraft>(key: K, value: M2mAccountDraft[K]) =>
    onChange({ ...draft, [key]: value });
  return (
    <div className="space-y-4">
      {identityEditable ? (
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <FormField
            label="Tenant id"
            hint="Directory (tenant) id of the app registration."
            error={errors.tenantId}
            required
            name="tenantId"
          >
            {(control) => (
              <Input
                {...control}
                mono
                placeholder={GUID_PLACEHOLDER}
                value={draft.tenantId}
                disabled={disabled}
                onChange={(e) => set("tenantId", e.target.value)}
                onBlur={() => onBlurField?.("tenantId")}
                autoComplete="off"
                spellCheck={false}
              />
            )}
          </FormField>
          <FormField
            label="Client id"
            hint="Application (client) id, from Entra ID > App registrations."
            error={errors.clientId}
            required
            name="clientId"
          >
            {(control) => (
              <Input
                {...control}
                mono
                placeholder={GUID_PLACEHOLDER}
                value={draft.clientId}
                disabled={disabled}
                onChange={(e) => set("clientId", e.target.value)}
                onBlur={() => onBlurField?.("clientId")}
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
        error={errors.name}
        required
        name="name"
        count={{ length: draft.name.length, max: 100 }}
      >
        {(control) => (
          <Input
            {...control}
            value={draft.name}
            disabled={disabled}
            onChange={(e) => set("name", e.target.value)}
            onBlur={() => onBlurField?.("name")}
            autoComplete="off"
          />
        )}
      </FormField>
      <FormField
        label="Description"
        hint="What the app does and who owns it."
        error={errors.description}
        name="description"
        count={{ length: draft.description.length, max: 2000 }}
      >
        {(control) => (
          <Textarea
            {...control}
            value={draft.description}
            disabled={disabled}
            rows={2}
            onChange={(e) => set("description", e.target.value)}
          />
        )}
      </FormField>
      <CheckboxGroup
        legend="Groups"
        hint="The app sees the servers and tools these groups grant. Without groups it sees an empty catalog."
        error={errors.groups}
        options={groupOptions.map((group) => ({ value: group.name, hint: group.description || undefined }))}
        value={draft.groups}
        onChange={(groups) => set("groups", groups)}
        emptyText="No groups exist yet. Create one under IAM > Groups, then assign it here."
        disabled={disabled}
        mono
      />
      {errors.form ? (
        <p role="alert" className="text-[13px] text-red-700">
          {errors.form}
        </p>
      ) : null}
    </div>
  );
}
