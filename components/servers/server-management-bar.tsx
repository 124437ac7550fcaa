import { PatchToggle } from "@/components/ui/patch-toggle";
import type { ServerRecord } from "@/lib/servers/schemas";
import { DeleteServerButton } from "./delete-server-button";
import { EditServerButton } from "./edit-server-button";

/** Catalog-manager controls of one server: status switch, edit, delete. */
export function ServerManagementBar({ server }: { server: ServerRecord }) {
  const { tools: _tools, ...fields } = server;
  return (
    <section
      aria-label="Manage server"
      className="mb-5 flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 bg-white px-4 py-2.5 shadow-xs"
    >
      <PatchToggle
        url={`/api/servers/${server.slug}`}
        field="enabled"
        checked={server.enabled}
        label="Enabled"
        offLabel="Disabled"
        success={{
          on: { title: `${server.slug} enabled`, description: "Groups that grant it see it again." },
          off: {
            title: `${server.slug} disabled`,
            description: "Only catalog managers see it now; everyone else's catalog and API no longer list it.",
          },
        }}
      />
      <p className="min-w-40 flex-1 text-xs text-slate-500">
        {server.enabled ? "Visible to the groups that grant it." : "Disabled: only catalog managers see it."}
      </p>
      <div className="flex gap-2">
        <EditServerButton server={fields} />
        <DeleteServerButton slug={server.slug} />
      </div>
    </section>
  );
}
