"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { ApiRequestError, apiRequest, errorMessage } from "@/components/ui/api-request";
import { Button } from "@/components/ui/button";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { Dialog } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { apiFieldErrors, zodFieldErrors, type FieldErrors } from "@/components/ui/form-errors";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { createTokenSchema } from "@/lib/tokens/schemas";
import { ExpiryField, expiryHours, type ExpiryChoice } from "./expiry-field";
import { SecretDialog } from "./secret-dialog";
import { permissionBlocker, TokenPermissionsField, type TokenPermissionOption } from "./token-permissions-field";
import { TokenScopeSummary } from "./token-scope-summary";

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
  const [name, setName] = useState("");
  const [expiry, setExpiry] = useState<{ choice: ExpiryChoice; custom: string }>({ choice: "8h", custom: "24" });
  const [groups, setGroups] = useState(userGroups);
  const [servers, setServers] = useState<string[]>(defaultServer ? [defaultServer] : []);
  const [permissions, setPermissions] = useState<string[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const options =
    serverOptions.some((s) => s.slug === defaultServer) || !defaultServer
      ? serverOptions
      : [{ slug: defaultServer, name: defaultServer }, ...serverOptions];

  function start() {
    setName("");
    setExpiry({ choice: "8h", custom: "24" });
    setGroups(userGroups);
    setServers(defaultServer ? [defaultServer] : []);
    setPermissions([]);
    setErrors({});
    setFailure(null);
    setOpen(true);
  }

  // A change of groups or servers unchecks the permissions it rules out, so what is checked (and
  // summarised) is always what will be sent.
  function keepAllowed(nextGroups: string[], nextServers: string[]) {
    setPermissions((current) =>
      current.filter((permission) => {
        const option = permissionOptions.find((o) => o.permission === permission);
        return option !== undefined && permissionBlocker(option, nextGroups, nextServers.length > 0) === null;
      }),
    );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const hours = expiryHours(expiry.choice, expiry.custom);
    const parsed = createTokenSchema.safeParse({
      name,
      expiresInHours: hours,
      groups,
      servers: servers.length > 0 ? servers : undefined,
      permissions,
    });
    const found = parsed.success ? {} : zodFieldErrors(parsed.error);
    if (!Number.isFinite(hours)) found.expiresInHours = `Enter a whole number of hours from 1 to ${maxHours}.`;
    else if (hours > maxHours) found.expiresInHours = `Expiry must be at most ${maxHours} hours on this registry.`;
    if (groups.length === 0) found.groups = "Choose at least one group — a token without groups sees nothing.";
    if (!parsed.success || Object.keys(found).length > 0) {
      setErrors(found);
      return;
    }
    setPending(true);
    setFailure(null);
    try {
      const result = await apiRequest<{ name: string; token: string }>("POST", "/api/tokens", parsed.data);
      setOpen(false);
      setCreated({ name: result.name, token: result.token });
      router.refresh();
    } catch (error) {
      if (error instanceof ApiRequestError && error.fields.length > 0)
        setErrors(apiFieldErrors(error, ["name", "expiresInHours", "groups", "servers", "permissions"]));
      else setFailure(errorMessage(error));
    } finally {
      setPending(false);
    }
  }

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
            error={errors.name}
            required
            count={{ length: name.length, max: 100 }}
          >
            {(control) => (
              <Input
                {...control}
                value={name}
                disabled={pending}
                onChange={(e) => {
                  setName(e.target.value);
                  setErrors(({ name: _fixed, ...rest }) => rest);
                }}
                autoComplete="off"
              />
            )}
          </FormField>
          <ExpiryField
            choice={expiry.choice}
            customHours={expiry.custom}
            maxHours={maxHours}
            error={errors.expiresInHours}
            disabled={pending}
            onChange={(choice, custom) => setExpiry({ choice, custom })}
          />
          <CheckboxGroup
            legend="Groups"
            hint="The token gets only these of your groups (all by default). If you later leave a group, the token loses it too."
            error={errors.groups}
            options={userGroups.map((g) => ({ value: g }))}
            value={groups}
            onChange={(next) => {
              setGroups(next);
              keepAllowed(next, servers);
            }}
            disabled={pending}
            mono
            emptyText="You are in no groups, so a token would see nothing."
          />
          <CheckboxGroup
            legend="Restrict to servers"
            hint="Optional. Leave empty to allow every server your groups grant."
            error={errors.servers}
            options={options.map((s) => ({ value: s.slug, hint: s.name !== s.slug ? s.name : undefined }))}
            value={servers}
            onChange={(next) => {
              setServers(next);
              keepAllowed(groups, next);
            }}
            disabled={pending}
            mono
            emptyText="No servers are visible to you."
          />
          <TokenPermissionsField
            options={permissionOptions}
            value={permissions}
            onChange={setPermissions}
            groups={groups}
            restricted={servers.length > 0}
            error={errors.permissions}
            disabled={pending}
          />
          <TokenScopeSummary groups={groups} servers={servers} permissions={permissions} />
          {errors.form ? <Alert tone="danger">{errors.form}</Alert> : null}
          {failure ? <Alert tone="danger">{failure}</Alert> : null}
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
        }}
      />
    </>
  );
}
