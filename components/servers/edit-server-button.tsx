"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiRequest, errorMessage } from "@/components/ui/api-request";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import type { ServerRecord } from "@/lib/servers/schemas";
import { checkServerChanges, serverDraft } from "./server-draft";
import { ServerFormDialog } from "./server-form-dialog";
import { useServerForm } from "./use-server-form";

/**
 * Edits a server's fields. The API keeps no version for servers, so there is no conflict check:
 * only the fields changed here are sent, and they overwrite whatever is stored.
 */
export function EditServerButton({ server }: { server: ServerRecord }) {
  const router = useRouter();
  const toast = useToast();
  const initial = serverDraft(server);
  const form = useServerForm(initial, (draft) => checkServerChanges(initial, draft));
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function submit() {
    const changes = form.submit();
    if (!changes) return;
    if (Object.keys(changes).length === 0) {
      setOpen(false);
      return;
    }
    setPending(true);
    setFailure(null);
    try {
      await apiRequest("PATCH", `/api/servers/${server.slug}`, changes);
      setOpen(false);
      toast({ title: `Saved ${server.slug}` });
      router.refresh();
    } catch (error) {
      if (!form.showApiError(error)) setFailure(errorMessage(error));
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <Button
        onClick={() => {
          form.reset(initial);
          setFailure(null);
          setOpen(true);
        }}
      >
        Edit
      </Button>
      <ServerFormDialog
        open={open}
        onOpenChange={setOpen}
        title={`Edit ${server.name}`}
        description="Only the fields you change are saved; they replace what is stored, also if someone changed them since this page loaded."
        submitLabel={pending ? "Saving…" : "Save changes"}
        form={form}
        slugEditable={false}
        pending={pending}
        failure={failure}
        onSubmit={submit}
      />
    </>
  );
}
