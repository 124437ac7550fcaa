"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiRequest, errorMessage } from "@/components/ui/api-request";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import { RotateTokenDialog } from "./rotate-token-dialog";
import { SecretDialog } from "./secret-dialog";

/** Rotate (with grace) and revoke (confirmed) for one token. */
export function TokenRowActions({ id, name, usable }: { id: string; name: string; usable: boolean }) {
  const router = useRouter();
  const toast = useToast();
  const [dialog, setDialog] = useState<"rotate" | "revoke" | null>(null);
  const [secret, setSecret] = useState<{ value: string; graceHours: number } | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (!usable) return null;

  async function revoke() {
    setPending(true);
    setError(null);
    try {
      await apiRequest("DELETE", `/api/tokens/${id}`);
      setDialog(null);
      toast({ title: `Revoked ${name}`, description: "Requests with this token are refused from now on." });
      router.refresh();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="flex justify-end gap-1.5">
      <Button size="sm" onClick={() => setDialog("rotate")} aria-label={`Rotate ${name}`}>
        Rotate
      </Button>
      <Button
        size="sm"
        variant="danger-ghost"
        onClick={() => {
          setError(null);
          setDialog("revoke");
        }}
        aria-label={`Revoke ${name}`}
      >
        Revoke
      </Button>
      <RotateTokenDialog
        id={id}
        name={name}
        open={dialog === "rotate"}
        onOpenChange={(open) => setDialog(open ? "rotate" : null)}
        onRotated={(value, graceHours) => {
          setDialog(null);
          setSecret({ value, graceHours });
        }}
      />
      <ConfirmDialog
        open={dialog === "revoke"}
        onOpenChange={(open) => setDialog(open ? "revoke" : null)}
        title={`Revoke ${name}?`}
        description="Every client using this token (including a secret still in its rotation grace period) is refused from the next request. This cannot be undone."
        confirmLabel="Revoke token"
        destructive
        pending={pending}
        error={error}
        onConfirm={revoke}
      />
      <SecretDialog
        secret={secret?.value ?? null}
        title={`New secret for ${name}`}
        note={
          secret && secret.graceHours > 0
            ? `The previous secret keeps working for ${secret.graceHours} hours.`
            : "The previous secret has stopped working."
        }
        onClose={() => {
          toast({
            title: `Rotated ${name}`,
            description:
              secret && secret.graceHours > 0
                ? `The old secret works for ${secret.graceHours} more hours.`
                : "The old secret no longer works.",
          });
          setSecret(null);
          router.refresh();
        }}
      />
    </div>
  );
}
