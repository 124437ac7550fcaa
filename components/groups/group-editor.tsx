"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { Tabs } from "@/components/ui/tabs";
import { PERMISSIONS } from "@/lib/access/permissions";
import type { GroupRecord } from "@/lib/iam/groups/schemas";
import { EntraMappingsSection } from "./entra-mappings-section";
import { draftFromGroup, emptyDraft, sameDraft, type GroupDraft } from "./group-draft";
import { GroupDetailsSection } from "./group-details-section";
import { GroupJsonView } from "./group-json-view";
import { ImportGroupJsonButton } from "./import-group-json-dialog";
import { PermissionsSection } from "./permissions-section";
import { missingServers, ServerAccessSection } from "./server-access-section";
import { useGroupSave } from "./use-group-save";

export interface GroupEditorProps {
  /** The saved group, or null on the create page. Remount (key on version) after each save. */
  group: GroupRecord | null;
  canWrite: boolean;
  /** The built-in admin group: permissions are locked to all. */
  locked?: boolean;
  /** The members section (it saves on its own, through each member's PATCH). */
  members?: ReactNode;
  /** The group's Activity tab (audit:read holders only); `open` when the URL pages through it. */
  activity?: { content: ReactNode; open: boolean };
  /** Every registered server's slug (editors only): rules naming another server get a warning. */
  knownServers?: string[];
}

export function GroupEditor({ group, canWrite, locked = false, members, activity, knownServers }: GroupEditorProps) {
  const router = useRouter();
  const initial = useMemo(() => (group ? draftFromGroup(group) : emptyDraft()), [group]);
  const [draft, setDraft] = useState<GroupDraft>(initial);
  const { save, pending, errors, problem, clear } = useGroupSave(group);
  const dirty = !sameDraft(draft, initial);
  const readOnly = !canWrite || pending;
  const update = (patch: Partial<GroupDraft>) => setDraft((current) => ({ ...current, ...patch }));

  const sections = (
    <div className="space-y-4">
      <GroupDetailsSection
        name={draft.name}
        description={draft.description}
        onChange={update}
        errors={errors}
        creating={!group}
        disabled={readOnly}
      />
      <EntraMappingsSection
        groups={draft.entraGroups}
        appRoles={draft.appRoles}
        onChange={(next) =>
          update({
            ...(next.groups ? { entraGroups: next.groups } : {}),
            ...(next.appRoles ? { appRoles: next.appRoles } : {}),
          })
        }
        errors={errors}
        disabled={readOnly}
      />
      {members}
      <ServerAccessSection
        rules={draft.serverAccess}
        onChange={(serverAccess) => update({ serverAccess })}
        errors={errors}
        disabled={readOnly}
        knownServers={knownServers}
      />
      <PermissionsSection
        permissions={locked ? [...PERMISSIONS] : draft.permissions}
        onChange={(permissions) => update({ permissions })}
        errors={errors}
        locked={locked}
        disabled={readOnly}
      />
    </div>
  );

  return (
    <form
      aria-label={group ? `Edit group ${group.name}` : "New group"}
      onSubmit={(event) => {
        event.preventDefault();
        if (canWrite && !pending)
          void save(
            locked ? { ...draft, permissions: [...PERMISSIONS] } : draft,
            missingServers(draft.serverAccess, knownServers),
          );
      }}
      className="space-y-4 pb-4"
    >
      {canWrite ? null : (
        <Alert title="Read-only">
          Changing groups needs the iam:write permission. Ask a registry admin if you need it.
        </Alert>
      )}
      <div className="relative">
        {canWrite ? (
          <div className="absolute top-1 right-0">
            <ImportGroupJsonButton
              currentName={group?.name ?? null}
              current={draft}
              onImport={(next) => {
                clear();
                setDraft(locked ? { ...next, permissions: [...PERMISSIONS] } : next);
              }}
            />
          </div>
        ) : null}
        <Tabs
          label="Group views"
          items={[
            { id: "settings", label: "Settings", content: sections },
            { id: "json", label: "JSON", content: <GroupJsonView group={group} draft={draft} dirty={dirty} /> },
            ...(activity ? [{ id: "activity", label: "Activity", content: activity.content }] : []),
          ]}
          defaultTab={activity?.open ? "activity" : undefined}
        />
      </div>

      {canWrite ? (
        <div className="sticky bottom-0 z-10 -mx-1 space-y-2 rounded-lg border border-slate-200 bg-white/95 px-3 py-2 shadow-sm backdrop-blur">
          {problem?.kind === "conflict" ? (
            <Alert tone="danger" title="Someone else changed this group while you were editing">
              <p>{problem.message}</p>
              <p className="mt-1">
                Reload to get the latest version. Your unsaved edits will be lost: copy them from the JSON tab first if
                you want to import them again.
              </p>
              <Button
                size="sm"
                className="mt-2"
                onClick={() => {
                  clear();
                  router.refresh();
                }}
              >
                Reload
              </Button>
            </Alert>
          ) : problem ? (
            <Alert tone="danger" title={group ? "The group was not saved" : "The group was not created"}>
              {problem.message}
            </Alert>
          ) : null}
          <div className="flex items-center gap-2">
            <Button type="submit" variant="primary" pending={pending} disabled={group ? !dirty : false}>
              {group ? "Save changes" : "Create group"}
            </Button>
            {group ? (
              <Button
                onClick={() => {
                  clear();
                  setDraft(initial);
                }}
                disabled={!dirty || pending}
              >
                Discard changes
              </Button>
            ) : (
              <ButtonLink href="/settings/iam/groups">Cancel</ButtonLink>
            )}
            <p className="ml-2 text-xs text-slate-500" aria-live="polite">
              {pending
                ? "Saving…"
                : dirty
                  ? "You have unsaved changes."
                  : group
                    ? "No unsaved changes."
                    : "Name the group, then create it."}
            </p>
          </div>
        </div>
      ) : null}
    </form>
  );
}
