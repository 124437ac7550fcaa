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

/** Edits name, description and groups (tenant and client id identify the app and stay fixed). */
export function EditM2mAccountDialog({
  account,
  groupOptions,
}: {
  account: M2mAccountRecord;
  groupOptions: GroupOption[];
}) {
  const router = useRouter();
  const toast = useToast();
  const initial: M2mAccountDraft = {
    tenantId: account.tenantId,
    clientId: account.clientId,
    name: account.name,
    description: account.description,
    groups: account.groups,
  };
  const [open, setOpen] = useState(false);
  const api = useApiForm({ schema: m2mAccountFormSchema, defaultValues: initial });
  const { form, pending, formError, onSubmit } = api;

  const submit = onSubmit(async ({ name, description, groups }) => {
    await apiRequest("PATCH", `/api/iam/m2m-accounts/${account.id}`, {
      name,
      description,
      groups,
      version: account.version,
    });
    setOpen(false);
    toast({ title: `Saved ${name}`, description: "Group changes apply from the app's next request." });
    router.refresh();
  });

  return (
    <>
      <Button
        onClick={() => {
          form.reset(initial);
          setOpen(true);
        }}
      >
        Edit
      </Button>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        dismissible={!pending}
        size="lg"
        title={`Edit ${account.name}`}
        description="Tenant id and client id identify the Entra app and cannot change; link a new app instead."
        footer={
          <>
            <Button onClick={() => setOpen(false)} disabled={pending}>
              Cancel
            </Button>
            <Button variant="primary" type="submit" form="edit-m2m-account-form" pending={pending}>
              {pending ? "Saving…" : "Save changes"}
            </Button>
          </>
        }
      >
        <form id="edit-m2m-account-form" noValidate onSubmit={submit} className="space-y-4">
          <M2mAccountFields form={api} groupOptions={groupOptions} identityEditable={false} disabled={pending} />
          {formError ? <Alert tone="danger">{formError}</Alert> : null}
        </form>
      </Dialog>
    </>
  );
}
