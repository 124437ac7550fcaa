"use client";

import { useRouter } from "next/navigation";
import type { z } from "zod";
import { apiRequest } from "@/components/ui/api-request";
import { useToast } from "@/components/ui/toast";
import { useApiForm } from "@/components/ui/use-api-form";
import type { GroupRecord } from "@/lib/iam/groups/schemas";
import { groupChangesFormSchema, newGroupFormSchema, type GroupDraft } from "./group-draft";

type GroupBody = z.output<typeof newGroupFormSchema> | z.output<typeof groupChangesFormSchema>;

/**
 * The group editor's form: checked with the API's own schema, sent as a create or an update. A 409
 * on create is a taken name (shown on the name field, like every form's duplicate); on update it
 * means someone else saved since this page loaded (optimistic concurrency on `version`). Failures
 * are shown inline next to the Save button (always in view), so they are not toasted a second time.
 */
export function useGroupForm(
  existing: Pick<GroupRecord, "name" | "version"> | null,
  initial: GroupDraft,
  /** Slugs the draft's rules name that no server has: saved anyway, and said so. */
  missingServers: (draft: GroupDraft) => string[],
) {
  const router = useRouter();
  const toast = useToast();
  const schema: z.ZodType<GroupBody, GroupDraft> = existing ? groupChangesFormSchema : newGroupFormSchema;
  const api = useApiForm({ schema, defaultValues: initial, conflictField: existing ? undefined : "name" });

  const submit = api.onSubmit(async (body) => {
    const missing = missingServers(api.form.getValues());
    const warning =
      missing.length > 0
        ? ` Warning: no server ${missing.join(", ")} is registered yet; ${missing.length === 1 ? "its rule applies" : "their rules apply"} once it is.`
        : "";
    if (existing) {
      await apiRequest<GroupRecord>("PATCH", `/api/iam/groups/${encodeURIComponent(existing.name)}`, {
        ...body,
        version: existing.version,
      });
      toast({
        title: "Group saved",
        description: `${existing.name} is updated; members get the new access on their next request.${warning}`,
        tone: warning ? "warning" : undefined,
      });
      router.refresh();
    } else {
      const created = await apiRequest<GroupRecord>("POST", "/api/iam/groups", body);
      toast({
        title: "Group created",
        description: `Assign members to ${created.name} on the user or M2M account pages.${warning}`,
        tone: warning ? "warning" : undefined,
      });
      router.push(`/settings/iam/groups/${encodeURIComponent(created.name)}`);
      router.refresh();
    }
  });

  return { ...api, submit };
}
