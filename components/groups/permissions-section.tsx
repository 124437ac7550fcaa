"use client";

import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { ADMIN_PERMISSIONS, PERMISSIONS, type Permission } from "@/lib/access/permissions";
import type { FieldErrors } from "react-hook-form";
import { errorAt } from "@/components/ui/error-at";
import type { GroupDraft } from "./group-draft";

const DESCRIPTIONS: Record<Permission, string> = {
  "servers:write": "Register, edit and delete servers and their tools. Holders see the whole catalog.",
  "iam:read": "View users, groups, M2M accounts and the Access Explorer.",
  "iam:write": "Change users, groups and M2M accounts, including who is an admin.",
  "audit:read": "Read and export the audit log.",
  "tokens:create": "Create personal registry API tokens.",
};

export function PermissionsSection({
  permissions,
  onChange,
  errors,
  locked,
  disabled,
}: {
  permissions: string[];
  onChange: (next: string[]) => void;
  errors: FieldErrors<GroupDraft>;
  /** The built-in admin group always holds every permission. */
  locked?: boolean;
  disabled?: boolean;
}) {
  const grantedAdmin = ADMIN_PERMISSIONS.filter((p) => permissions.includes(p));
  const error = errorAt(errors, "permissions");
  return (
    <Card aria-labelledby="permissions-heading">
      <CardHeader
        id="permissions-heading"
        title="Permissions"
        description="What members may do in the registry itself. Explicit only: server access rules, even wildcards, never grant these."
      />
      <CardBody className="space-y-3">
        {locked ? (
          <p className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-[13px] text-slate-600">
            Locked: this built-in group always holds every permission, so the registry always has an administrator.
          </p>
        ) : null}
        <fieldset
          className="grid grid-cols-1 gap-2.5 sm:grid-cols-2"
          aria-describedby={error ? "permissions-error" : undefined}
        >
          <legend className="sr-only">Permissions</legend>
          {PERMISSIONS.map((permission) => (
            <Checkbox
              key={permission}
              name="permissions"
              value={permission}
              checked={locked || permissions.includes(permission)}
              disabled={locked || disabled}
              onChange={(event) =>
                onChange(
                  event.target.checked
                    ? PERMISSIONS.filter((p) => p === permission || permissions.includes(p))
                    : permissions.filter((p) => p !== permission),
                )
              }
              label={
                <span className="font-mono text-[13px]">
                  {permission}
                  {ADMIN_PERMISSIONS.includes(permission) ? (
                    <span className="ml-1.5 font-sans text-[11px] font-medium text-amber-700">admin</span>
                  ) : null}
                </span>
              }
              hint={DESCRIPTIONS[permission]}
            />
          ))}
        </fieldset>
        {error ? (
          <p id="permissions-error" className="text-xs text-red-700">
            {error}
          </p>
        ) : null}
        {grantedAdmin.length > 0 && !locked ? (
          <div
            role="note"
            className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-[13px] text-amber-900"
          >
            <p className="font-medium">Admin permissions: {grantedAdmin.join(", ")}</p>
            <p className="mt-0.5 text-amber-800">
              Every member of this group, including M2M accounts and users mapped from Entra, can change who has access
              to what
              {grantedAdmin.includes("servers:write") ? " and sees the entire catalog" : ""}. Grant this only to groups
              of trusted administrators.
            </p>
          </div>
        ) : null}
      </CardBody>
    </Card>
  );
}
