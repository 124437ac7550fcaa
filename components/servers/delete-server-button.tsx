"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { apiRequest, errorMessage } from "@/components/ui/api-request";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";

/** Deletes a server and its tools after the manager types its slug. */
export function DeleteServerButton({ slug }: { slug: string }) {
  const router = useRouter();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setPending(true);
    setError(null);
    try {
      await apiRequest("DELETE", `/api/servers/${slug}`);
      setOpen(false);
      toast({ title: `Deleted ${slug}`, description: "Its tools are gone; group rules naming it now match nothing." });
      router.push("/");
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
        title={`Delete server ${slug}?`}
        description="The server and all its tools leave the catalog; MCP clients using it are refused from the next request. This cannot be undone — to pause it, disable it instead."
        confirmLabel="Delete server"
        destructive
        typedConfirmation={slug}
        pending={pending}
        error={error}
        onConfirm={confirm}
      >
        <Alert tone="warning">
          Group rules naming <span className="font-mono">{slug}</span> stay and then match nothing. If a server with
          this slug is registered again, those rules grant it again — remove them under Settings › IAM › Groups if that
          is not wanted.
        </Alert>
      </ConfirmDialog>
    </>
  );
}
