"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiRequest } from "@/components/ui/api-request";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { useApiForm } from "@/components/ui/use-api-form";
import type { ServerRecord } from "@/lib/servers/schemas";
import { editServerFormSchema, serverChanges, serverDraft } from "./server-draft";
import { ServerFormDialog } from "./server-form-dialog";

/**
 * Edits a server's fields. The API keeps no version for servers, so there is no conflict check:
 * only the fields changed here are sent, and they overwrite whatever is stored.
 */
export function EditServerButton({ server }: { server: ServerRecord }) {
  const router = useRouter();
  const toast = useToast();
  const initial = serverDraft(server);
  const api = useApiForm({ schema: editServerFormSchema, defaultValues: initial });
  const [open, setOpen] = useState(false);

  const submit = api.onSubmit(async (edited) => {
    const changes = serverChanges(initial, edited);
    if (Object.keys(changes).length > 0) {
      await apiRequest("PATCH", `/api/servers/${server.slug}`, changes);
      toast({ title: `Saved ${server.slug}` });
      router.refresh();
    }
    setOpen(false);
  });

  return (
    <>
      <Button
        onClick={() => {
          api.form.reset(initial);
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
        submitLabel="Save changes"
        pendingLabel="Saving…"
        form={api}
        slugEditable={false}
        onSubmit={submit}
      />
    </>
  );
}
