"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiRequest, ApiRequestError, errorMessage } from "@/components/ui/api-request";
import { useToast } from "@/components/ui/toast";
import type { UpdateUserInput, UserRecord } from "@/lib/iam/users/schemas";

export interface UserUpdateProblem {
  message: string;
  /** 409: a guard (last admin, self-disable) or a newer version; the message says which. */
  conflict: boolean;
}

/** PATCH /api/iam/users/{id} with the version the page loaded, then refresh the page. */
export function useUserUpdate(user: Pick<UserRecord, "id" | "version" | "displayName">) {
  const router = useRouter();
  const toast = useToast();
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<UserUpdateProblem | null>(null);

  async function update(
    change: Omit<UpdateUserInput, "version">,
    success: { title: string; description?: string },
  ): Promise<boolean> {
    setPending(true);
    setProblem(null);
    try {
      await apiRequest<UserRecord>("PATCH", `/api/iam/users/${encodeURIComponent(user.id)}`, {
        ...change,
        version: user.version,
      });
      toast(success);
      router.refresh();
      return true;
    } catch (error) {
      const message = errorMessage(error);
      setProblem({ message, conflict: error instanceof ApiRequestError && error.status === 409 });
      toast({ title: `${user.displayName} was not changed`, description: message, tone: "error" });
      return false;
    } finally {
      setPending(false);
    }
  }

  return { update, pending, problem, clearProblem: () => setProblem(null) };
}
