"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiRequest } from "@/components/ui/api-request";
import { Button } from "@/components/ui/button";
import { ConfirmActionButton } from "@/components/ui/confirm-action-button";
import { useToast } from "@/components/ui/toast";
import { RotateTokenDialog } from "./rotate-token-dialog";
import { SecretDialog } from "./secret-dialog";

/** Rotate (with grace) and revoke (confirmed) for one token. */
export function TokenRowActions({ id, name, usable }: { id: string; name: string; usable: boolean }) {
  const router = useRouter();
  const toast = useToast();
  const [rotating, setRotating] = useState(false);
  const [secret, setSecret] = useState<{ value: string; graceHours: number } | null>(null);

  if (!usable) return null;

  return (
    <div className="flex justify-end gap-1.5">
      <Button size="sm" onClick={() => setRotating(true)} aria-label={`Rotate ${name}`}>
        Rotate
      </Button>
      <RotateTokenDialog
        id={id}
        name={name}
        open={rotating}
        onOpenChange={setRotating}
        onRotated={(value, graceHours) => {
          setRotating(false);
          setSecret({ value, graceHours });
        }}
      />
      <ConfirmActionButton
        label="Revoke"
        aria-label={`Revoke ${name}`}
        size="sm"
        variant="danger-ghost"
        title={`Revoke ${name}?`}
        description="Every client using this token (including a secret still in its rotation grace period) is refused from the next request. This cannot be undone."
        confirmLabel="Revoke token"
        destructive
        action={() => apiRequest("DELETE", `/api/tokens/${id}`)}
        success={{ title: `Revoked ${name}`, description: "Requests with this token are refused from now on." }}
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
