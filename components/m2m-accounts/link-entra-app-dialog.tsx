"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { apiRequest } from "@/components/ui/api-request";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import { useApiForm } from "@/components/ui/use-api-form";
import type { M2mAccountRecord } from "@/lib/iam/m2m-accounts/schemas";
import { M2mAccountFields, m2mAccountFormSchema, type GroupOption, type M2mAccountDraft } from "./m2m-account-fields";

/** "Link Entra app": creates an M2M account for an app registration (tenant id + client id). */
export function LinkEntraAppDialog({
  defaultTenantId,
  groupOptions,
  label = "Link Entra app",
}: {
  defaultTenantId: string;
  groupOptions: GroupOption[];
  label?: string;
}) {
  const router = useRouter();
  const toast = useToast();
  const empty: M2mAccountDraft = { tenantId: defaultTenantId, clientId: "", name: "", description: "", groups: [] };
  const [open, setOpen] = useState(false);
  const api = useApiForm({ schema: m2mAccountFormSchema, defaultValues: empty, conflictField: "clientId" });
  const { form, pending, formError, onSubmit } = api;

  function openDialog() {
    form.reset(empty);
    setOpen(true);
  }

  const submit = onSubmit(async (values) => {
    const created = await apiRequest<M2mAccountRecord>("POST", "/api/iam/m2m-accounts", values);
    setOpen(false);
    toast({
      title: `Linked ${created.name}`,
      description: "The app can now call the API with a client-credentials token.",
      tone: "success",
    });
    router.refresh();
  });

  return (
    <>
      <Button variant="primary" onClick={openDialog}>
        {label}
      </Button>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        dismissible={!pending}
        size="lg"
        title="Link Entra app"
        description="Register an Entra ID app registration as an M2M account so it can call the registry with its own access token."
        footer={
          <>
            <Button onClick={() => setOpen(false)} disabled={pending}>
              Cancel
            </Button>
            <Button variant="primary" type="submit" form="link-entra-app-form" pending={pending}>
              {pending ? "Linking…" : "Link app"}
            </Button>
          </>
        }
      >
        <form id="link-entra-app-form" noValidate onSubmit={submit} className="space-y-4">
          <M2mAccountFields form={api} groupOptions={groupOptions} identityEditable disabled={pending} />
          {formError ? <Alert tone="danger">{formError}</Alert> : null}
        </form>
      </Dialog>
    </>
  );
}
