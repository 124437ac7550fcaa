import { CodeBlock } from "@/components/ui/code-block";
import type { GroupRecord } from "@/lib/iam/groups/schemas";
import type { GroupDraft } from "./group-draft";

/** The group as the API returns it, with the form's unsaved edits applied. */
export function groupJson(group: GroupRecord | null, draft: GroupDraft): string {
  const editable = {
    description: draft.description,
    entraMappings: draft.entraMappings,
    serverAccess: draft.serverAccess.map(({ server, methods, tools }) => ({ server, methods, tools })),
    permissions: draft.permissions,
  };
  const value = group ? { ...group, ...editable } : { name: draft.name, ...editable };
  return JSON.stringify(value, null, 2);
}

export function GroupJsonView({
  group,
  draft,
  dirty,
}: {
  group: GroupRecord | null;
  draft: GroupDraft;
  dirty: boolean;
}) {
  return (
    <div className="space-y-2">
      <p className="text-[13px] text-slate-500">
        {dirty ? "Includes your unsaved changes. " : ""}
        This is the shape of <span className="font-mono">GET /api/iam/groups/{group?.name ?? "{name}"}</span>. Paste it
        into Import JSON (here or in another registry) to fill the form; id, members, version and timestamps are ignored
        on import.
      </p>
      <CodeBlock
        code={groupJson(group, draft)}
        title={`${group?.name ?? (draft.name || "new-group")}.json`}
        language="json"
        copyLabel="Copy group JSON"
        maxHeight="36rem"
      />
    </div>
  );
}
