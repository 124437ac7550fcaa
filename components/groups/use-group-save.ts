"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiRequest, ApiRequestError, errorMessage } from "@/components/ui/api-request";
import { useToast } from "@/components/ui/toast";
import type { GroupRecord } from "@/lib/iam/groups/schemas";
import { apiFieldErrors, type FieldErrors } from "./field-errors";
import { createBody, updateBody, type GroupDraft } from "./group-draft";

export type SaveProblem = { kind: "conflict"; message: string } | { kind: "error"; message: string } | null;

/**
 * Creates or updates a group through the JSON API. Validates first with the API's own Zod
 * schema; maps 422 field errors back to the form; a 409 on update means someone else saved
 * since this page loaded (optimistic concurrency on `version`). Failures are shown inline next
 * to the Save button (always in view), so they are not toasted a second time.
 */
export function useGroupSave(existing: Pick<GroupRecord, "name" | "version"> | null) {
  const router = useRouter();
  const toast = useToast();
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<SaveProblem>(null);

  /** `missingServers`: slugs rules name that no server has; saved anyway, and said so. */
  async function save(draft: GroupDraft, missingServers: string[] = []): Promise<void> {
    const warning =
      missingServers.length > 0
        ? ` Warning: no server ${missingServers.join(", ")} is registered yet; ${missingServers.length === 1 ? "its rule applies" : "their rules apply"} once it is.`
        : "";
    const validated = existing ? updateBody(draft, existing.version) : createBody(draft);
    if (!validated.ok) {
      setErrors(validated.errors);
      setProblem({
        kind: "error",
        message: "Some fields need attention: fix the highlighted fields, then save again.",
      });
      return;
    }
    setPending(true);
    setErrors({});
    setProblem(null);
    try {
      if (existing) {
        await apiRequest<GroupRecord>("PATCH", `/api/iam/groups/${encodeURIComponent(existing.name)}`, validated.body);
        toast({
          title: "Group saved",
          description: `${existing.name} is updated; members get the new access on their next request.${warning}`,
          tone: warning ? "warning" : undefined,
        });
        router.refresh();
      } else {
        const created = await apiRequest<GroupRecord>("POST", "/api/iam/groups", validated.body);
        toast({
          title: "Group created",
          description: `Assign members to ${created.name} on the user or M2M account pages.${warning}`,
          tone: warning ? "warning" : undefined,
        });
        router.push(`/settings/iam/groups/${encodeURIComponent(created.name)}`);
        router.refresh();
      }
    } catch (error) {
      const conflict = error instanceof ApiRequestError && error.status === 409;
      if (conflict && !existing) {
        // On create, a 409 is a taken name: shown on the name field, like every form's duplicate.
        setErrors({ name: errorMessage(error) });
        setProblem(null);
      } else {
        setErrors(apiFieldErrors(error));
        setProblem({ kind: conflict && existing ? "conflict" : "error", message: errorMessage(error) });
      }
    } finally {
      setPending(false);
    }
  }

  function clear() {
    setErrors({});
    setProblem(null);
  }

  return { save, pending, errors, problem, clear };
}
