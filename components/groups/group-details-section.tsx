"use client";

import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import type { ApiForm } from "@/components/ui/use-api-form";
import type { GroupDraft } from "./group-draft";

export function GroupDetailsSection({
  form: { form, fieldError },
  creating,
  disabled,
}: {
  form: ApiForm<GroupDraft, unknown>;
  creating: boolean;
  disabled?: boolean;
}) {
  const [name, description] = form.watch(["name", "description"]);
  return (
    <Card aria-labelledby="details-heading">
      <CardHeader id="details-heading" title="Details" />
      <CardBody className="space-y-4">
        {creating ? (
          <FormField
            label="Name"
            required
            error={fieldError("name")}
            count={{ length: name.length, max: 63 }}
            hint="Lowercase letters, digits and hyphens, e.g. team-payments. The name is permanent: tokens and M2M accounts refer to it."
          >
            {(control) => (
              <Input
                {...control}
                {...form.register("name")}
                autoComplete="off"
                spellCheck={false}
                mono
                className="max-w-sm"
                data-autofocus
              />
            )}
          </FormField>
        ) : null}
        <FormField
          label="Description"
          error={fieldError("description")}
          hint="Who this group is for and what it grants. Shown in lists and in the Access Explorer."
          count={{ length: description.length, max: 2000 }}
        >
          {(control) => <Textarea {...control} {...form.register("description")} rows={2} disabled={disabled} />}
        </FormField>
      </CardBody>
    </Card>
  );
}
