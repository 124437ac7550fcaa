"use client";

import { useRouter } from "next/navigation";
import { useMemo, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { hasCheckErrors } from "@/components/ui/error-at";
import { Tabs } from "@/components/ui/tabs";
import { PERMISSIONS } from "@/lib/access/permissions";
import type { GroupRecord } from "@/lib/iam/groups/schemas";
import { EntraMappingsSection } from "./entra-mappings-section";
import { draftFromGroup, emptyDraft, sameDraft } from "./group-draft";
import { GroupDetailsSection } from "./group-details-section";
import { GroupJsonView } from "./group-json-view";
import { ImportGroupJsonButton } from "./import-group-json-dialog";
import { PermissionsSection } from "./permissions-section";
import { missingServers, ServerAccessSection } from "./server-access-section";
import { useGroupForm } from "./use-group-form";

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
  const initial = useMemo(() => {
    const draft = group ? draftFromGroup(group) : emptyDraft();
    // The built-in admin group always holds every permission, whatever is stored or imported.
    return locked ? { ...draft, permissions: [...PERMISSIONS] } : draft;
  }, [group, locked]);
  const api = useGroupForm(group, initial, (draft) => missingServers(draft.serverAccess, knownServers));
  const { form, pending, formError, conflict, setField, submit } = api;
  const draft = form.watch();
  const { isSubmitted, errors: allErrors } = form.formState;
  // Rule and mapping errors show after a save attempt: before that, a half-built rule is not wrong yet.
  const errors = isSubmitted ? allErrors : {};
  const invalid = isSubmitted && hasCheckErrors(allErrors);
  const dirty = !sameDraft(draft, initial);
  const readOnly = !canWrite || pending;

  const sections = (
    <div className="space-y-4">
      <GroupDetailsSection form={api} creating={!group} disabled={readOnly} />
      <EntraMappingsSection
        groups={draft.entraMappings.groups}
        appRoles={draft.entraMappings.appRoles}
        onChange={(next) => {
          if (next.groups) setField("entraMappings.groups", next.groups);
          if (next.appRoles) setField("entraMappings.appRoles", next.appRoles);
        }}
        errors={errors}
        disabled={readOnly}
      />
      {members}
      <ServerAccessSection
        rules={draft.serverAccess}
        onChange={(serverAccess) => setField("serverAccess", serverAccess)}
        errors={errors}
        disabled={readOnly}
        knownServers={knownServers}
      />
      <PermissionsSection
        permissions={locked ? [...PERMISSIONS] : draft.permissions}
        onChange={(permissions) => setField("permissions", permissions)}
        errors={errors}
        locked={locked}
        disabled={readOnly}
      />
    </div>
  );

  return (
    <form
      aria-label={group ? `Edit group ${group.name}` : "New group"}
      noValidate
      onSubmit={(event) => (canWrite ? submit(event) : event.preventDefault())}
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
              onImport={(next) =>
                // Compared with the saved group (the defaults), an import is an unsaved change.
                form.reset(locked ? { ...next, permissions: [...PERMISSIONS] } : next, { keepDefaultValues: true })
              }
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
          {formError && conflict && group ? (
            <Alert tone="danger" title="Someone else changed this group while you were editing">
              <p>{formError}</p>
              <p className="mt-1">
                Reload to get the latest version. Your unsaved edits will be lost: copy them from the JSON tab first if
                you want to import them again.
              </p>
              <Button
                size="sm"
                className="mt-2"
                onClick={() => {
                  form.clearErrors();
                  router.refresh();
                }}
              >
                Reload
              </Button>
            </Alert>
          ) : formError || invalid ? (
            <Alert tone="danger" title={group ? "The group was not saved" : "The group was not created"}>
              {formError ?? "Some fields need attention: fix the highlighted fields, then save again."}
            </Alert>
          ) : null}
          <div className="flex items-center gap-2">
            <Button type="submit" variant="primary" pending={pending} disabled={group ? !dirty : false}>
              {group ? "Save changes" : "Create group"}
            </Button>
            {group ? (
              <Button onClick={() => form.reset(initial)} disabled={!dirty || pending}>
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
