"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { apiRequest } from "@/components/ui/api-request";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";
import { useApiForm } from "@/components/ui/use-api-form";
import { createProvisioningTokenSchema } from "@/lib/iam/provisioning-tokens/schemas";
import { displayText, guid } from "@/lib/validation/common";
import { ProvisioningSecretDialog } from "./provisioning-secret-dialog";

// The API's schema names fields as the wire does ("tenantId"); the form names them as the labels do.
const formSchema = createProvisioningTokenSchema.extend({
  name: displayText("Name", 100),
  tenantId: guid("Entra tenant").optional(),
});

/** Create a provisioning secret (name, tenant); the secret is shown once. */
export function CreateProvisioningTokenDialog({ tenantIds }: { tenantIds: string[] }) {
  const router = useRouter();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const defaults = { name: "", tenantId: tenantIds[0] };
  const { form, pending, formError, fieldError, onSubmit } = useApiForm({
    schema: formSchema,
    defaultValues: defaults,
  });
  const name = form.watch("name");

  function start() {
    form.reset(defaults);
    setOpen(true);
  }

  const submit = onSubmit(async (values) => {
    const result = await apiRequest<{ name: string; secret: string }>("POST", "/api/iam/provisioning-tokens", values);
    setOpen(false);
    setCreated({ name: result.name, secret: result.secret });
    router.refresh();
  });

  return (
    <>
      <Button variant="primary" onClick={start}>
        Create secret
      </Button>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        dismissible={!pending}
        title="Create provisioning secret"
        description="Entra's provisioning service uses this secret to create, update and disable users and groups of one tenant. Give each enterprise app its own secret."
        footer={
          <>
            <Button onClick={() => setOpen(false)} disabled={pending}>
              Cancel
            </Button>
            <Button variant="primary" type="submit" form="create-provisioning-form" pending={pending}>
              {pending ? "Creating…" : "Create secret"}
            </Button>
          </>
        }
      >
        <form id="create-provisioning-form" noValidate onSubmit={submit} className="space-y-4">
          <FormField
            label="Name"
            hint="Which enterprise app uses it, e.g. “Entra – Contoso production”."
            error={fieldError("name")}
            required
            count={{ length: name.length, max: 100 }}
          >
            {(control) => <Input {...control} {...form.register("name")} disabled={pending} autoComplete="off" />}
          </FormField>
          {tenantIds.length > 1 ? (
            <FormField
              label="Entra tenant"
              hint="Users and groups of this tenant only."
              error={fieldError("tenantId")}
              required
            >
              {(control) => (
                <Select
                  {...control}
                  {...form.register("tenantId")}
                  disabled={pending}
                  options={tenantIds.map((id) => ({ value: id, label: id }))}
                  className="font-mono"
                />
              )}
            </FormField>
          ) : null}
          {formError ? <Alert tone="danger">{formError}</Alert> : null}
        </form>
      </Dialog>
      <ProvisioningSecretDialog
        secret={created?.secret ?? null}
        name={created?.name ?? ""}
        onClose={() => {
          toast({
            title: `Created provisioning secret ${created?.name ?? ""}`.trim(),
            description: "It is listed below; the secret is not shown again.",
          });
          setCreated(null);
        }}
      />
    </>
  );
}
