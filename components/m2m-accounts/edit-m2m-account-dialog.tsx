"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { ApiRequestError, apiRequest, errorMessage } from "@/components/ui/api-request";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { apiFieldErrors, zodFieldErrors, type FieldErrors } from "@/components/ui/form-errors";
import { useToast } from "@/components/ui/toast";
import { updateM2mAccountSchema, type M2mAccountRecord } from "@/lib/iam/m2m-accounts/schemas";
import { M2mAccountFields, type GroupOption, type M2mAccountDraft } from "./m2m-account-fields";

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
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = updateM2mAccountSchema.safeParse({
      name: draft.name,
      description: draft.description,
      groups: draft.groups,
      version: account.version,
    });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      return;
    }
    setPending(true);
    setFailure(null);
    try {
      await apiRequest("PATCH", `/api/iam/m2m-accounts/${account.id}`, parsed.data);
      setOpen(false);
      toast({
        title: `Saved ${parsed.data.name ?? account.name}`,
        description: "Group changes apply from the app's next request.",
      });
      router.refresh();
    } catch (error) {
      if (error instanceof ApiRequestError && error.fields.length > 0)
        setErrors(apiFieldErrors(error, ["name", "description", "groups"]));
      else setFailure(errorMessage(error));
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <Button
        onClick={() => {
          setDraft(initial);
          setErrors({});
          setFailure(null);
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
          <M2mAccountFields
            draft={draft}
            errors={errors}
            groupOptions={groupOptions}
            onChange={setDraft}
            identityEditable={false}
            disabled={pending}
          />
          {failure ? <Alert tone="danger">{failure}</Alert> : null}
        </form>
      </Dialog>
    </>
  );
}
