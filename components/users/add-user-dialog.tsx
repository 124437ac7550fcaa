"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { apiRequest } from "@/components/ui/api-request";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { useApiForm } from "@/components/ui/use-api-form";
import { createUserSchema, type UserRecord } from "@/lib/iam/users/schemas";
import { GroupPicker } from "./group-picker";
import type { GroupOption } from "@/lib/iam/groups/find-group-options";

// An empty email box means "no email", which the API spells by leaving the field out.
const formSchema = createUserSchema.extend({
  email: z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    createUserSchema.shape.email,
  ),
});

/** Pre-provisions a user by Entra tenant id + object id so groups apply from the first sign-in. */
export function AddUserButton({ tenantIds, groups }: { tenantIds: string[]; groups: GroupOption[] }) {
  const router = useRouter();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const defaults = { tenantId: tenantIds[0] ?? "", objectId: "", displayName: "", email: "", groups: [] as string[] };
  const { form, pending, formError, fieldError, setField, onSubmit } = useApiForm({
    schema: formSchema,
    defaultValues: defaults,
    // A 409 is this Entra user already existing: shown on the object id, the field that makes it a duplicate.
    conflictField: "objectId",
  });
  const [displayName, selected] = form.watch(["displayName", "groups"]);
  const formId = "add-user-form";

  const submit = onSubmit(async (values) => {
    const user = await apiRequest<UserRecord>("POST", "/api/iam/users", values);
    toast({ title: "User added", description: `${user.displayName} gets these groups at their first sign-in.` });
    setOpen(false);
    form.reset(defaults);
    router.push(`/settings/iam/users/${user.id}`);
    router.refresh();
  });

  return (
    <>
      <Button variant="primary" onClick={() => setOpen(true)}>
        Add user
      </Button>
      <Dialog
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          if (!next) form.reset(defaults);
        }}
        dismissible={!pending}
        title="Add user"
        description="Pre-provision an Entra user so you can assign groups before their first sign-in. Find the object id in the Entra admin center under Users."
        footer={
          <>
            <Button onClick={() => setOpen(false)} disabled={pending}>
              Cancel
            </Button>
            <Button variant="primary" type="submit" form={formId} pending={pending}>
              Add user
            </Button>
          </>
        }
      >
        <form id={formId} noValidate className="space-y-3" onSubmit={submit}>
          <FormField
            label="Display name"
            required
            error={fieldError("displayName")}
            count={{ length: displayName.length, max: 200 }}
          >
            {(control) => <Input {...control} {...form.register("displayName")} autoComplete="off" data-autofocus />}
          </FormField>
          <FormField label="Email" error={fieldError("email")} hint="Optional; shown in lists. Sign-in updates it.">
            {(control) => <Input {...control} {...form.register("email")} type="email" autoComplete="off" />}
          </FormField>
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            <FormField
              label="Tenant id"
              required
              error={fieldError("tenantId")}
              hint={tenantIds.length > 0 ? "The directory the user signs in from." : undefined}
            >
              {(control) => (
                <>
                  <Input
                    {...control}
                    {...form.register("tenantId")}
                    mono
                    list="add-user-tenants"
                    placeholder="00000000-0000-0000-0000-000000000000"
                    autoComplete="off"
                  />
                  <datalist id="add-user-tenants">
                    {tenantIds.map((id) => (
                      <option key={id} value={id} />
                    ))}
                  </datalist>
                </>
              )}
            </FormField>
            <FormField
              label="Object id"
              required
              error={fieldError("objectId")}
              hint="The user's Entra object id (oid)."
            >
              {(control) => (
                <Input
                  {...control}
                  {...form.register("objectId")}
                  mono
                  placeholder="00000000-0000-0000-0000-000000000000"
                  autoComplete="off"
                />
              )}
            </FormField>
          </div>
          <GroupPicker
            groups={groups}
            selected={selected ?? []}
            onChange={(next) => setField("groups", next)}
            error={fieldError("groups")}
          />
          {formError ? <Alert tone="danger">{formError}</Alert> : null}
        </form>
      </Dialog>
    </>
  );
}
