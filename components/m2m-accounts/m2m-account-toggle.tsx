"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiRequest, errorMessage } from "@/components/ui/api-request";
import { Switch } from "@/components/ui/switch";
import { useToast } from "@/components/ui/toast";
import type { M2mAccountRecord } from "@/lib/iam/m2m-accounts/schemas";

/** Enables or disables the account at once; a disabled app's tokens get 403 on the next call. */
export function M2mAccountToggle({
  account,
  disabled,
}: {
  account: Pick<M2mAccountRecord, "id" | "name" | "enabled" | "version">;
  disabled?: boolean;
}) {
  const router = useRouter();
  const toast = useToast();
  const [enabled, setEnabled] = useState(account.enabled);
  const [pending, setPending] = useState(false);

  async function change(next: boolean) {
    setPending(true);
    setEnabled(next);
    try {
      await apiRequest("PATCH", `/api/iam/m2m-accounts/${account.id}`, { enabled: next, version: account.version });
      toast({
        title: next ? `${account.name} enabled` : `${account.name} disabled`,
        description: next
          ? "The app can call the API again."
          : "Its Entra tokens are refused (403 client_not_registered) from the next request.",
      });
      router.refresh();
    } catch (error) {
      setEnabled(!next);
      toast({ title: "Could not change the status", description: errorMessage(error), tone: "error" });
    } finally {
      setPending(false);
    }
  }

  return (
    <label className="inline-flex items-center gap-2 text-[13px] text-slate-700">
      <Switch checked={enabled} onCheckedChange={change} pending={pending} disabled={disabled} aria-label="Enabled" />
      <span aria-hidden="true">{enabled ? "Enabled" : "Disabled"}</span>
    </label>
  );
}
