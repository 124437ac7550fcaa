"use client";

import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { apiRequest } from "@/components/ui/api-request";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { useToast } from "@/components/ui/toast";
import { useApiForm } from "@/components/ui/use-api-form";
import { updateUserSchema, type UserRecord } from "@/lib/iam/users/schemas";
import { GroupPicker } from "./group-picker";
import type { GroupOption } from "@/lib/iam/groups/find-group-options";

const formSchema = updateUserSchema.pick({ groups: true }).required();

/** Assigned groups of one user. Remount (key on version) after each save. */
export function UserGroupsForm({
  user,
  groups,
  canWrite,
}: {
  user: UserRecord;
  groups: GroupOption[];
  canWrite: boolean;
}) {
  const router = useRouter();
  const toast = useToast();
  const { form, pending, formError, conflict, fieldError, setField, onSubmit } = useApiForm({
    schema: formSchema,
    defaultValues: { groups: user.groups },
  });
  const selected = form.watch("groups");
  const dirty = [...selected].sort().join() !== [...user.groups].sort().join();
  const added = selected.filter((g) => !user.groups.includes(g));
  const removed = user.groups.filter((g) => !selected.includes(g));

  return (
    <Card aria-labelledby="user-groups-heading">
      <CardHeader
        id="user-groups-heading"
        title="Assigned groups"
        description="Groups assigned in the registry. Groups that come from Entra group ids or app roles apply on top; see them in the Access Explorer."
      />
      <form
        noValidate
        onSubmit={onSubmit(async (values) => {
          if (!dirty) return;
          // The version the page loaded: a newer change elsewhere is a 409, not silently overwritten.
          await apiRequest<UserRecord>("PATCH", `/api/iam/users/${encodeURIComponent(user.id)}`, {
            ...values,
            version: user.version,
          });
          toast({ title: "Groups saved", description: `${user.displayName}'s access changes on their next request.` });
          router.refresh();
        })}
      >
        <CardBody className="space-y-3">
          <GroupPicker
            groups={groups}
            selected={selected}
            onChange={(next) => setField("groups", next)}
            error={fieldError("groups")}
            disabled={!canWrite || pending}
          />
          {formError ? (
            <Alert tone="danger" title={conflict ? "The change was refused" : "The groups were not saved"}>
              <p>{formError}</p>
              {conflict ? (
                <Button
                  size="sm"
                  className="mt-2"
                  onClick={() => {
                    form.reset({ groups: user.groups });
                    router.refresh();
                  }}
                >
                  Reload
                </Button>
              ) : null}
            </Alert>
          ) : null}
        </CardBody>
        {canWrite ? (
          <div className="flex flex-wrap items-center justify-end gap-2 border-t border-slate-200 px-4 py-2.5">
            <p className="mr-auto text-xs text-slate-500" aria-live="polite">
              {pending
                ? "Saving…"
                : dirty
                  ? `Unsaved: ${[...added.map((g) => `+${g}`), ...removed.map((g) => `−${g}`)].join(", ")}`
                  : "No unsaved changes."}
            </p>
            <Button onClick={() => form.reset({ groups: user.groups })} disabled={!dirty || pending}>
              Discard changes
            </Button>
            <Button type="submit" variant="primary" pending={pending} disabled={!dirty}>
              Save changes
            </Button>
          </div>
        ) : (
          <p className="border-t border-slate-200 px-4 py-2.5 text-xs text-slate-500">
            Read-only: changing groups needs the iam:write permission.
          </p>
        )}
      </form>
    </Card>
  );
}
