"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiRequest, errorMessage } from "@/components/ui/api-request";
import { Switch } from "@/components/ui/switch";
import { useToast } from "@/components/ui/toast";

/** Enables or disables a server at once; disabled servers are hidden from everyone without servers:write. */
export function ServerEnabledToggle({ slug, enabled: initial }: { slug: string; enabled: boolean }) {
  const router = useRouter();
  const toast = useToast();
  const [enabled, setEnabled] = useState(initial);
  const [pending, setPending] = useState(false);

  async function change(next: boolean) {
    setPending(true);
    setEnabled(next);
    try {
      await apiRequest("PATCH", `/api/servers/${slug}`, { enabled: next });
      toast({
        title: next ? `${slug} enabled` : `${slug} disabled`,
        description: next
          ? "Groups that grant it see it again."
          : "Only catalog managers see it now; everyone else's catalog and API no longer list it.",
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
      <Switch checked={enabled} onCheckedChange={change} pending={pending} aria-label="Enabled" />
      <span aria-hidden="true">{enabled ? "Enabled" : "Disabled"}</span>
    </label>
  );
}
