"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiRequest, errorMessage } from "@/components/ui/api-request";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";

/** Revoke one provisioning secret, after confirmation. */
export function RevokeProvisioningTokenButton({ id, name }: { id: string; name: string }) {
  const router = useRouter();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function revoke() {
    setPending(true);
    setError(null);
    try {
      await apiRequest("DELETE", `/api/iam/provisioning-tokens/${id}`);
      setOpen(false);
      toast({
        title: `Revoked ${name}`,
        description: "Entra's provisioning requests with this secret are refused from now on.",
      });
      router.refresh();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <Button
        size="sm"
        variant="danger-ghost"
        onClick={() => {
          setError(null);
          setOpen(true);
        }}
        aria-label={`Revoke ${name}`}
      >
        Revoke
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={`Revoke ${name}?`}
        description="Entra's provisioning with this secret stops on its next cycle (it reports 401 Unauthorized). Users and groups already provisioned stay as they are. This cannot be undone."
        confirmLabel="Revoke secret"
        destructive
        pending={pending}
        error={error}
        onConfirm={revoke}
      />
    </>
  );
}
