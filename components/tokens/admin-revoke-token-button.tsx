"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiRequest, errorMessage } from "@/components/ui/api-request";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";

/** Revokes another user's token (iam:write); the owner's clients fail on their next request. */
export function AdminRevokeTokenButton({ id, name, owner }: { id: string; name: string; owner: string }) {
  const router = useRouter();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function revoke() {
    setPending(true);
    setError(null);
    try {
      await apiRequest("DELETE", `/api/iam/tokens/${encodeURIComponent(id)}`);
      toast({
        title: `Revoked ${name}`,
        description: `${owner}'s clients using it are refused from their next request.`,
      });
      setOpen(false);
      router.refresh();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <Button
        size="sm"
        variant="danger-ghost"
        aria-label={`Revoke ${name} of ${owner}`}
        onClick={() => {
          setError(null);
          setOpen(true);
        }}
      >
        Revoke
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={`Revoke ${owner}'s token ${name}?`}
        description="It stops working on its next request, on every instance. The owner can create a new one; this cannot be undone. The audit log records you as the actor."
        confirmLabel="Revoke token"
        destructive
        pending={pending}
        error={error}
        onConfirm={() => void revoke()}
      />
    </>
  );
}
