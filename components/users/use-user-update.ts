"use client";

import { useRouter } from "next/navigation";
import { apiRequest, errorMessage } from "@/components/ui/api-request";
import { useToast } from "@/components/ui/toast";
import { useApiCall } from "@/components/ui/use-api-call";
import type { UpdateUserInput, UserRecord } from "@/lib/iam/users/schemas";

/**
 * PATCH /api/iam/users/{id} with the version the page loaded, then refresh the page. A refusal
 * (409: a guard such as last admin or self-disable, or a newer version) is toasted and kept in
 * `error` for the dialog that asked.
 */
export function useUserUpdate(user: Pick<UserRecord, "id" | "version" | "displayName">) {
  const router = useRouter();
  const toast = useToast();
  const { pending, error, run, clearError } = useApiCall();

  function update(
    change: Omit<UpdateUserInput, "version">,
    success: { title: string; description?: string },
  ): Promise<boolean> {
    return run(async () => {
      try {
        await apiRequest<UserRecord>("PATCH", `/api/iam/users/${encodeURIComponent(user.id)}`, {
          ...change,
          version: user.version,
        });
      } catch (failure) {
        toast({ title: `${user.displayName} was not changed`, description: errorMessage(failure), tone: "error" });
        throw failure;
      }
      toast(success);
      router.refresh();
    });
  }

  return { update, pending, error, clearError };
}
