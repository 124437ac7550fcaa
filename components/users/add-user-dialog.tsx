"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { ApiRequestError, apiRequest, errorMessage } from "@/components/ui/api-request";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { apiFieldErrors, zodFieldErrors, type FieldErrors } from "@/components/ui/form-errors";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { createUserSchema, type UserRecord } from "@/lib/iam/users/schemas";
import { GroupPicker } from "./group-picker";
import type { GroupOption } from "@/lib/iam/groups/find-group-options";

const FIELDS = ["tenantId", "objectId", "displayName", "email", "groups"] as const;

/** Pre-provisions a user by Entra tenant id + object id so groups apply from the first sign-in. */
export function AddUserButton({ tenantIds, groups }: { tenantIds: string[]; groups: GroupOption[] }) {
  const router = useRouter();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState({ tenantId: tenantIds[0] ?? "", objectId: "", displayName: "", email: "" });
  const [selected, setSelected] = useState<string[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState(false);
  const formId = "add-user-form";

  function reset() {
    setValues({ tenantId: tenantIds[0] ?? "", objectId: "", displayName: "", email: "" });
    setSelected([]);
    setErrors({});
  }

  async function submit() {
    const parsed = createUserSchema.safeParse({ ...values, email: values.email.trim() || undefined, groups: selected });
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error));
    setPending(true);
    setErrors({});
    try {
      const user = await apiRequest<UserRecord>("POST", "/api/iam/users", parsed.data);
      toast({ title: "User added", description: `${user.displayName} gets these groups at their first sign-in.` });
      setOpen(false);
      reset();
      router.push(`/settings/iam/users/${user.id}`);
      router.refresh();
    } catch (error) {
      // A 409 is this Entra user already existing: shown on the object id, the field that makes it a duplicate.
      if (error instanceof ApiRequestError && error.status === 409) setErrors({ objectId: errorMessage(error) });
      else setErrors({ ...apiFieldErrors(error, FIELDS), form: errorMessage(error) });
    } finally {
      setPending(false);
    }
  }

  const text = (key: keyof typeof values) => ({
    value: values[key],
    onChange: (event: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: event.target.value })),
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
          if (!next) reset();
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
        <form
          id={formId}
          className="space-y-3"
          onSubmit={(event) => {
            event.preventDefault();
            if (!pending) void submit();
          }}
        >
          <FormField
            label="Display name"
            required
            error={errors.displayName}
            count={{ length: values.displayName.length, max: 200 }}
          >
            {(control) => <Input {...control} {...text("displayName")} autoComplete="off" data-autofocus />}
          </FormField>
          <FormField label="Email" error={errors.email} hint="Optional; shown in lists. Sign-in updates it.">
            {(control) => <Input {...control} {...text("email")} type="email" autoComplete="off" />}
          </FormField>
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            <FormField
              label="Tenant id"
              required
              error={errors.tenantId}
              hint={tenantIds.length > 0 ? "The directory the user signs in from." : undefined}
            >
              {(control) => (
                <>
                  <Input
                    {...control}
                    {...text("tenantId")}
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
            <FormField label="Object id" required error={errors.objectId} hint="The user's Entra object id (oid).">
              {(control) => (
                <Input
                  {...control}
                  {...text("objectId")}
                  mono
                  placeholder="00000000-0000-0000-0000-000000000000"
                  autoComplete="off"
                />
              )}
            </FormField>
          </div>
          <GroupPicker groups={groups} selected={selected} onChange={setSelected} error={errors.groups} />
          {errors.form ? <Alert tone="danger">{errors.form}</Alert> : null}
        </form>
      </Dialog>
    </>
  );
}
