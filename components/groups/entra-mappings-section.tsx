"use client";

import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { entraMappingsSchema } from "@/lib/iam/groups/schemas";
import type { FieldErrors } from "react-hook-form";
import { errorAt, errorIndexes } from "@/components/ui/error-at";
import type { GroupDraft } from "./group-draft";
import { ChipsInput } from "./chips-input";

function firstIssue(result: { success: boolean; error?: { issues: { message: string }[] } }): string | null {
  return result.success ? null : (result.error?.issues[0]?.message ?? "not valid");
}

const validateGroupId = (value: string) => firstIssue(entraMappingsSchema.shape.groups.safeParse([value]));
const validateAppRole = (value: string) => firstIssue(entraMappingsSchema.shape.appRoles.safeParse([value]));

export function EntraMappingsSection({
  groups,
  appRoles,
  onChange,
  errors,
  disabled,
}: {
  groups: string[];
  appRoles: string[];
  onChange: (next: { groups?: string[]; appRoles?: string[] }) => void;
  errors: FieldErrors<GroupDraft>;
  disabled?: boolean;
}) {
  return (
    <Card aria-labelledby="entra-mappings-heading">
      <CardHeader
        id="entra-mappings-heading"
        title="Entra mappings"
        description="Principals whose Entra token or sign-in carries one of these values join this group automatically, in addition to members assigned here."
      />
      <CardBody className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <FormField
          label="Entra group object ids"
          hint="GUIDs of Entra security groups (from the groups claim). Press Enter or paste a list."
          error={errorAt(errors, "entraMappings.groups")}
        >
          {(control) => (
            <ChipsInput
              {...control}
              itemLabel="Entra group object id"
              values={groups}
              onChange={(next) => onChange({ groups: next })}
              validate={validateGroupId}
              normalize={(v) => v.trim().toLowerCase()}
              invalidPaths={errorIndexes(errors, "entraMappings.groups")}
              placeholder="00000000-0000-0000-0000-000000000000"
              disabled={disabled}
              mono
            />
          )}
        </FormField>
        <FormField
          label="App role values"
          hint="Values of app roles defined on the registry's app registration (from the roles claim), e.g. Registry.Read."
          error={errorAt(errors, "entraMappings.appRoles")}
        >
          {(control) => (
            <ChipsInput
              {...control}
              itemLabel="app role value"
              values={appRoles}
              onChange={(next) => onChange({ appRoles: next })}
              validate={validateAppRole}
              invalidPaths={errorIndexes(errors, "entraMappings.appRoles")}
              placeholder="Registry.Read"
              disabled={disabled}
              mono
            />
          )}
        </FormField>
      </CardBody>
    </Card>
  );
}
