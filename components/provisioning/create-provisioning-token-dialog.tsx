"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { ApiRequestError, apiRequest, errorMessage } from "@/components/ui/api-request";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { apiFieldErrors, zodFieldErrors, type FieldErrors } from "@/components/ui/form-errors";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";
import { createProvisioningTokenSchema } from "@/lib/iam/provisioning-tokens/schemas";
import { ProvisioningSecretDialog } from "./provisioning-secret-dialog";

/** Create a provisioning secret (name, tenant); the secret is shown once. */
export function CreateProvisioningTokenDialog({ tenantIds }: { tenantIds: string[] }) {
  const router = useRouter();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [tenantId, setTenantId] = useState(tenantIds[0] ?? "");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);

  function start() {
    setName("");
    setTenantId(tenantIds[0] ?? "");
    setErrors({});
    setFailure(null);
    setOpen(true);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = createProvisioningTokenSchema.safeParse({ name, tenantId: tenantId || undefined });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      return;
    }
    setPending(true);
    setFailure(null);
    try {
      const result = await apiRequest<{ name: string; secret: string }>(
        "POST",
        "/api/iam/provisioning-tokens",
        parsed.data,
      );
      setOpen(false);
      setCreated({ name: result.name, secret: result.secret });
      router.refresh();
    } catch (error) {
      if (error instanceof ApiRequestError && error.fields.length > 0)
        setErrors(apiFieldErrors(error, ["name", "tenantId"]));
      else setFailure(errorMessage(error));
    } finally {
      setPending(false);
    }
  }

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
            error={errors.name}
            required
          >
            {(control) => (
              <Input
                {...control}
                value={name}
                maxLength={100}
                disabled={pending}
                onChange={(e) => setName(e.target.value)}
                autoComplete="off"
              />
            )}
          </FormField>
          {tenantIds.length > 1 ? (
            <FormField
              label="Entra tenant"
              hint="Users and groups of this tenant only."
              error={errors.tenantId}
              required
            >
              {(control) => (
                <Select
                  {...control}
                  value={tenantId}
                  disabled={pending}
                  onChange={(e) => setTenantId(e.target.value)}
                  options={tenantIds.map((id) => ({ value: id, label: id }))}
                  className="font-mono"
                />
              )}
            </FormField>
          ) : null}
          {errors.form ? <Alert tone="danger">{errors.form}</Alert> : null}
          {failure ? <Alert tone="danger">{failure}</Alert> : null}
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
