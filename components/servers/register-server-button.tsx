"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiRequest } from "@/components/ui/api-request";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { useApiForm } from "@/components/ui/use-api-form";
import type { ServerRecord } from "@/lib/servers/schemas";
import { EMPTY_SERVER_DRAFT, newServerFormSchema } from "./server-draft";
import { ServerFormDialog } from "./server-form-dialog";

/** "Register a server" for servers:write holders: validated with the API's own schema. */
export function RegisterServerButton({ variant = "primary" }: { variant?: "primary" | "secondary" }) {
  const router = useRouter();
  const toast = useToast();
  // A taken slug (409) is shown on the slug field.
  const api = useApiForm({ schema: newServerFormSchema, defaultValues: EMPTY_SERVER_DRAFT, conflictField: "slug" });
  const [open, setOpen] = useState(false);

  const submit = api.onSubmit(async (input) => {
    const server = await apiRequest<ServerRecord>("POST", "/api/servers", input);
    setOpen(false);
    toast({
      title: `Registered ${server.name}`,
      description: "Group rules decide who sees it: add a server access rule to grant it.",
    });
    router.push(`/servers/${server.slug}`);
    router.refresh();
  });

  return (
    <>
      <Button
        variant={variant}
        onClick={() => {
          api.form.reset(EMPTY_SERVER_DRAFT);
          setOpen(true);
        }}
      >
        Register a server
      </Button>
      <ServerFormDialog
        open={open}
        onOpenChange={setOpen}
        title="Register a server"
        description="Adds an MCP server to the catalog. Nobody but catalog managers sees it until a group rule grants it."
        submitLabel="Register server"
        pendingLabel="Registering…"
        form={api}
        slugEditable
        onSubmit={submit}
      />
    </>
  );
}
