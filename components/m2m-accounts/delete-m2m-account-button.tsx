"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiRequest, errorMessage } from "@/components/ui/api-request";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";

/** Deletes the account after the admin types its name; the app loses access at once. */
export function DeleteM2mAccountButton({ id, name }: { id: string; name: string }) {
  const router = useRouter();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setPending(true);
    setError(null);
    try {
      await apiRequest("DELETE", `/api/iam/m2m-accounts/${id}`);
      setOpen(false);
      toast({ title: `Deleted ${name}`, description: "The Entra app can no longer call the registry." });
      router.push("/settings/iam/m2m-accounts");
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
        variant="danger"
        onClick={() => {
          setError(null);
          setOpen(true);
        }}
      >
        Delete
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={`Delete M2M account ${name}?`}
        description="The Entra app registration is not touched, but its tokens are refused by the registry from the next request. This cannot be undone — to pause access, disable the account instead."
        confirmLabel="Delete account"
        destructive
        typedConfirmation={name}
        pending={pending}
        error={error}
        onConfirm={confirm}
      />
    </>
  );
}
