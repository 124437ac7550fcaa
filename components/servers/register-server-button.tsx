"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiRequest, errorMessage } from "@/components/ui/api-request";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import type { ServerRecord } from "@/lib/servers/schemas";
import { checkNewServer, EMPTY_SERVER_DRAFT } from "./server-draft";
import { ServerFormDialog } from "./server-form-dialog";
import { useServerForm } from "./use-server-form";

/** "Register a server" for servers:write holders: validated with the API's own schema. */
export function RegisterServerButton({ variant = "primary" }: { variant?: "primary" | "secondary" }) {
  const router = useRouter();
  const toast = useToast();
  const form = useServerForm(EMPTY_SERVER_DRAFT, checkNewServer);
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function submit() {
    const input = form.submit();
    if (!input) return;
    setPending(true);
    setFailure(null);
    try {
      const server = await apiRequest<ServerRecord>("POST", "/api/servers", input);
      setOpen(false);
      toast({
        title: `Registered ${server.name}`,
        description: "Group rules decide who sees it: add a server access rule to grant it.",
      });
      router.push(`/servers/${server.slug}`);
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
        variant={variant}
        onClick={() => {
          form.reset(EMPTY_SERVER_DRAFT);
          setFailure(null);
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
        submitLabel={pending ? "Registering…" : "Register server"}
        form={form}
        slugEditable
        pending={pending}
        failure={failure}
        onSubmit={submit}
      />
    </>
  );
}
