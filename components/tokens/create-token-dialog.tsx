"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { apiRequest } from "@/components/ui/api-request";
import { Button } from "@/components/ui/button";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { Dialog } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { useApiForm } from "@/components/ui/use-api-form";
import { createTokenSchema } from "@/lib/tokens/schemas";
import { ExpiryField, expiryHours, type ExpiryChoice } from "./expiry-field";
import { SecretDialog } from "./secret-dialog";
import { permissionBlocker, TokenPermissionsField, type TokenPermissionOption } from "./token-permissions-field";
import { TokenScopeSummary } from "./token-scope-summary";

/** The API's schema plus what this registry and this form require: a maximum expiry, at least one group. */
function tokenFormSchema(maxHours: number) {
  return createTokenSchema.extend({
    expiresInHours: createTokenSchema.shape.expiresInHours
      .unwrap()
      .max(maxHours, `Expiry must be at most ${maxHours} hours on this registry.`),
    groups: createTokenSchema.shape.groups
      .unwrap()
      .min(1, "Choose at least one group — a token without groups sees nothing."),
    servers: createTokenSchema.shape.servers.unwrap(),
    permissions: createTokenSchema.shape.permissions.unwrap(),
  });
}

export interface CreateTokenDialogProps {
  maxHours: number;
  userGroups: string[];
  serverOptions: { slug: string; name: string }[];
  /** Permissions the user holds that a token may carry; none is checked by default. */
  permissionOptions: TokenPermissionOption[];
  /** Server restriction prefilled from `?server=`; opens the dialog on arrival. */
  defaultServer?: string;
  /** The opening button's text (the empty list offers its own "Create your first token"). */
  label?: string;
}

/** Create an API token: name, expiry, groups subset, server restriction, permissions; secret shown once. */
export function CreateTokenDialog({
  maxHours,
  userGroups,
  serverOptions,
  permissionOptions,
  defaultServer,
  label = "Create token",
}: CreateTokenDialogProps) {
  const router = useRouter();
  const toast = useToast();
  const [open, setOpen] = useState(Boolean(defaultServer));
  const [expiry, setExpiry] = useState<{ choice: ExpiryChoice; custom: string }>({ choice: "8h", custom: "24" });
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const schema = useMemo(() => tokenFormSchema(maxHours), [maxHours]);
  const defaults = {
    name: "",
    expiresInHours: 8,
    groups: userGroups,
    servers: defaultServer ? [defaultServer] : [],
    permissions: [] as string[],
  };
  const { form, pending, formError, fieldError, setField, onSubmit } = useApiForm({ schema, defaultValues: defaults });
  const [name, groups, servers, permissions] = form.watch(["name", "groups", "servers", "permissions"]);
  const options =
    serverOptions.some((s) => s.slug === defaultServer) || !defaultServer
      ? serverOptions
      : [{ slug: defaultServer, name: defaultServer }, ...serverOptions];

  function start() {
    form.reset(defaults);
    setExpiry({ choice: "8h", custom: "24" });
    setOpen(true);
  }

  // A change of groups or servers unchecks the permissions it rules out, so what is checked (and
  // summarised) is always what will be sent.
  function keepAllowed(nextGroups: string[], nextServers: string[]) {
    const allowed = permissions.filter((permission) => {
      const option = permissionOptions.find((o) => o.permission === permission);
      return option !== undefined && permissionBlocker(option, nextGroups, nextServers.length > 0) === null;
    });
    if (allowed.length !== permissions.length) setField("permissions", allowed);
  }

  // An empty or non-numeric custom expiry is one plain sentence, not the schema's type error.
  const hours = expiryHours(expiry.choice, expiry.custom);
  const expiryError = fieldError("expiresInHours")
    ? Number.isInteger(hours) && hours >= 1
      ? fieldError("expiresInHours")
      : `Enter a whole number of hours from 1 to ${maxHours}.`
    : undefined;

  const submit = onSubmit(async (values) => {
    const result = await apiRequest<{ name: string; token: string }>("POST", "/api/tokens", {
      ...values,
      servers: values.servers.length > 0 ? values.servers : undefined,
    });
    setOpen(false);
    // The list refreshes when the secret dialog closes: refreshing now could unmount this
    // component (the empty state's "Create your first token" goes away) and the secret with it.
    setCreated({ name: result.name, token: result.token });
  });

  return (
    <>
      <Button variant="primary" onClick={start}>
        {label}
      </Button>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        dismissible={!pending}
        size="lg"
        title="Create API token"
        description="A token reads the catalog as you, limited to the groups and servers you choose, and may do only what you allow it here. It stops working when it expires, when you revoke it, or when you lose a group."
        footer={
          <>
            <Button onClick={() => setOpen(false)} disabled={pending}>
              Cancel
            </Button>
            <Button variant="primary" type="submit" form="create-token-form" pending={pending}>
              {pending ? "Creating…" : "Create token"}
            </Button>
          </>
        }
      >
        <form id="create-token-form" noValidate onSubmit={submit} className="space-y-4">
          <FormField
            label="Name"
            hint="What uses it, e.g. “claude-desktop on laptop”."
            error={fieldError("name")}
            required
            count={{ length: name.length, max: 100 }}
          >
            {(control) => <Input {...control} {...form.register("name")} disabled={pending} autoComplete="off" />}
          </FormField>
          <ExpiryField
            choice={expiry.choice}
            customHours={expiry.custom}
            maxHours={maxHours}
            error={expiryError}
            disabled={pending}
            onChange={(choice, custom) => {
              setExpiry({ choice, custom });
              setField("expiresInHours", expiryHours(choice, custom));
            }}
          />
          <CheckboxGroup
            legend="Groups"
            hint="The token gets only these of your groups (all by default). If you later leave a group, the token loses it too."
            error={fieldError("groups")}
            options={userGroups.map((g) => ({ value: g }))}
            value={groups}
            onChange={(next) => {
              setField("groups", next);
              keepAllowed(next, servers);
            }}
            disabled={pending}
            mono
            emptyText="You are in no groups, so a token would see nothing."
          />
          <CheckboxGroup
            legend="Restrict to servers"
            hint="Optional. Leave empty to allow every server your groups grant."
            error={fieldError("servers")}
            options={options.map((s) => ({ value: s.slug, hint: s.name !== s.slug ? s.name : undefined }))}
            value={servers}
            onChange={(next) => {
              setField("servers", next);
              keepAllowed(groups, next);
            }}
            disabled={pending}
            mono
            emptyText="No servers are visible to you."
          />
          <TokenPermissionsField
            options={permissionOptions}
            value={permissions}
            onChange={(next) => setField("permissions", next)}
            groups={groups}
            restricted={servers.length > 0}
            error={fieldError("permissions")}
            disabled={pending}
          />
          <TokenScopeSummary groups={groups} servers={servers} permissions={permissions} />
          {formError ? <Alert tone="danger">{formError}</Alert> : null}
        </form>
      </Dialog>
      <SecretDialog
        secret={created?.token ?? null}
        title={created ? `Token ${created.name} created` : "Token created"}
        onClose={() => {
          toast({
            title: `Created token ${created?.name ?? ""}`.trim(),
            description: "It is listed below; the secret is not shown again.",
          });
          setCreated(null);
          router.refresh();
        }}
      />
    </>
  );
}
