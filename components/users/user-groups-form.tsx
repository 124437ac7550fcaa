"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { UserRecord } from "@/lib/iam/users/schemas";
import { GroupPicker } from "./group-picker";
import type { GroupOption } from "@/lib/iam/groups/find-group-options";
import { useUserUpdate } from "./use-user-update";

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
  const [selected, setSelected] = useState<string[]>(user.groups);
  const { update, pending, problem, clearProblem } = useUserUpdate(user);
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
        onSubmit={(event) => {
          event.preventDefault();
          if (!dirty || pending) return;
          void update(
            { groups: selected },
            { title: "Groups saved", description: `${user.displayName}'s access changes on their next request.` },
          );
        }}
      >
        <CardBody className="space-y-3">
          <GroupPicker groups={groups} selected={selected} onChange={setSelected} disabled={!canWrite || pending} />
          {problem ? (
            <Alert tone="danger" title={problem.conflict ? "The change was refused" : "The groups were not saved"}>
              <p>{problem.message}</p>
              {problem.conflict ? (
                <Button
                  size="sm"
                  className="mt-2"
                  onClick={() => {
                    clearProblem();
                    setSelected(user.groups);
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
            <Button
              onClick={() => {
                clearProblem();
                setSelected(user.groups);
              }}
              disabled={!dirty || pending}
            >
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
