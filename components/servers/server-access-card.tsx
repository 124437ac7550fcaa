import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { ServerGrant } from "@/lib/access/effective-access";
import { GrantReasonList, NameSetList } from "./grant-reasons";

/** Why the signed-in user can see this server: methods, tools and the rule ← group ← reason chain. */
export function ServerAccessCard({ grant, managerGroups }: { grant: ServerGrant | null; managerGroups: string[] }) {
  return (
    <Card aria-labelledby="access-heading">
      <CardHeader
        id="access-heading"
        title="Your access"
        description="What your groups allow on this server, and why."
      />
      <CardBody className="space-y-3">
        {managerGroups.length > 0 ? (
          <p className="text-[13px] text-slate-600">
            You manage the catalog (<code className="font-mono">servers:write</code> via {managerGroups.join(", ")}), so
            you see every server and tool.
          </p>
        ) : null}
        {grant ? (
          <dl className="space-y-3">
            <div>
              <dt className="mb-1 text-xs font-medium text-slate-500">MCP methods</dt>
              <dd>
                <NameSetList set={grant.methods} noneLabel="lifecycle only (initialize, ping)" />
              </dd>
            </div>
            <div>
              <dt className="mb-1 text-xs font-medium text-slate-500">Tools</dt>
              <dd>
                <NameSetList set={grant.tools} noneLabel="none (the rule lists no tools)" />
              </dd>
            </div>
            <div>
              <dt className="mb-1 text-xs font-medium text-slate-500">Granted by</dt>
              <dd>
                <GrantReasonList reasons={grant.reasons} />
              </dd>
            </div>
          </dl>
        ) : managerGroups.length === 0 ? (
          <p className="text-[13px] text-slate-500">No rule grants this server.</p>
        ) : null}
      </CardBody>
    </Card>
  );
}
