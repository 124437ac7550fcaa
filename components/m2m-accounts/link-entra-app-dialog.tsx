"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { ApiRequestError, apiRequest, errorMessage } from "@/components/ui/api-request";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { apiFieldErrors, zodFieldErrors, type FieldErrors } from "@/components/ui/form-errors";
import { useToast } from "@/components/ui/toast";
import { createM2mAccountSchema, type M2mAccountRecord } from "@/lib/iam/m2m-accounts/schemas";
import { M2mAccountFields, type GroupOption, type M2mAccountDraft } from "./m2m-account-fields";

const FIELDS = ["tenantId", "clientId", "name", "description", "groups"] as const;

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
  const [draft, setDraft] = useState(empty);
  const [errors, setErrors] = useState<FieldErrors>({});
  // Fields the user has typed in: only those are checked on blur (tabbing past an empty field is not an error yet).
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  function openDialog() {
    setDraft(empty);
    setErrors({});
    setTouched(new Set());
    setFailure(null);
    setOpen(true);
  }

  function validateField(field: keyof M2mAccountDraft) {
    if (!touched.has(field)) return;
    const shape = createM2mAccountSchema.shape[field];
    const result = shape.safeParse(draft[field]);
    setErrors(
      (all) =>
        ({
          ...all,
          [field]: result.success ? undefined : (result.error.issues[0]?.message ?? "invalid"),
        }) as FieldErrors,
    );
  }

  function change(next: M2mAccountDraft) {
    const edited = FIELDS.filter((field) => next[field] !== draft[field]);
    if (edited.some((field) => !touched.has(field))) setTouched(new Set([...touched, ...edited]));
    setDraft(next);
    // Re-check a field that already shows an error, so it clears as soon as it is fixed.
    const fixed = FIELDS.filter(
      (field) => errors[field] && createM2mAccountSchema.shape[field].safeParse(next[field]).success,
    );
    if (fixed.length > 0)
      setErrors((all) =>
        Object.fromEntries(Object.entries(all).filter(([key]) => !fixed.includes(key as (typeof FIELDS)[number]))),
      );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = createM2mAccountSchema.safeParse(draft);
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      return;
    }
    setPending(true);
    setFailure(null);
    try {
      const created = await apiRequest<M2mAccountRecord>("POST", "/api/iam/m2m-accounts", parsed.data);
      setOpen(false);
      toast({
        title: `Linked ${created.name}`,
        description: "The app can now call the API with a client-credentials token.",
        tone: "success",
      });
      router.refresh();
    } catch (error) {
      if (error instanceof ApiRequestError && error.status === 409) setErrors({ clientId: error.message });
      else if (error instanceof ApiRequestError && error.fields.length > 0) setErrors(apiFieldErrors(error, FIELDS));
      else setFailure(errorMessage(error));
    } finally {
      setPending(false);
    }
  }

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
          <M2mAccountFields
            draft={draft}
            errors={errors}
            groupOptions={groupOptions}
            onChange={change}
            onBlurField={validateField}
            identityEditable
            disabled={pending}
          />
          {failure ? <Alert tone="danger">{failure}</Alert> : null}
        </form>
      </Dialog>
    </>
  );
}
