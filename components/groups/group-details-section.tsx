"use client";

import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import type { FieldErrors } from "./field-errors";

export function GroupDetailsSection({
  name,
  description,
  onChange,
  errors,
  creating,
  disabled,
}: {
  name: string;
  description: string;
  onChange: (next: { name?: string; description?: string }) => void;
  errors: FieldErrors;
  creating: boolean;
  disabled?: boolean;
}) {
  return (
    <Card aria-labelledby="details-heading">
      <CardHeader id="details-heading" title="Details" />
      <CardBody className="space-y-4">
        {creating ? (
          <FormField
            label="Name"
            required
            error={errors.name}
            count={{ length: name.length, max: 63 }}
            hint="Lowercase letters, digits and hyphens, e.g. team-payments. The name is permanent: tokens and M2M accounts refer to it."
          >
            {(control) => (
              <Input
                {...control}
                name="name"
                value={name}
                onChange={(event) => onChange({ name: event.target.value })}
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
          error={errors.description}
          hint="Who this group is for and what it grants. Shown in lists and in the Access Explorer."
          count={{ length: description.length, max: 2000 }}
        >
          {(control) => (
            <Textarea
              {...control}
              name="description"
              value={description}
              onChange={(event) => onChange({ description: event.target.value })}
              rows={2}
              disabled={disabled}
            />
          )}
        </FormField>
      </CardBody>
    </Card>
  );
}
