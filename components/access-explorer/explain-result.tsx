import { Badge, BadgeList } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { ExplainedServer, ExplainStep } from "@/lib/iam/explain/schemas";

export interface ExplainResponse {
  subject: { kind: string; id: string; displayName: string } | null;
  verdict: { allowed: boolean; steps: ExplainStep[] };
  access: {
    groups: { name: string; reasons: { kind: string; value?: string }[] }[];
    permissions: { permission: string; groups: string[] }[];
    servers: ExplainedServer[];
    truncated: boolean;
  } | null;
}

function reasonText(reason: { kind: string; value?: string }): string {
  if (reason.kind === "assignment") return "assigned";
  if (reason.kind === "entra-group") return `Entra group ${reason.value}`;
  if (reason.kind === "app-role") return `app role ${reason.value}`;
  if (reason.kind === "bootstrap") return `bootstrap (${reason.value})`;
  if (reason.kind === "token-subset") return "carried by the token";
  return reason.kind;
}

const list = (value: "*" | string[]) => (value === "*" ? "all" : value.length === 0 ? "none" : value.join(", "));

/** The verdict (each step) and the effective access with its reasons. */
export function ExplainResult({ result }: { result: ExplainResponse }) {
  const { subject, verdict, access } = result;
  return (
    <div className="space-y-4" data-testid="explain-result">
      <Card>
        <CardHeader
          title={subject ? `${subject.displayName} (${subject.kind})` : "Not a principal"}
          actions={
            <Badge tone={verdict.allowed ? "success" : "danger"} dot>
              {verdict.allowed ? "allowed" : "refused"}
            </Badge>
          }
        />
        {verdict.steps.length > 0 ? (
          <CardBody>
            <ol className="space-y-1 text-sm">
              {verdict.steps.map((step, index) => (
                <li key={index} className="flex gap-2">
                  <span aria-hidden className={step.ok ? "text-emerald-600" : "text-red-600"}>
                    {step.ok ? "✓" : "✗"}
                  </span>
                  <span className="font-medium">{step.step}</span>
                  <span className="text-slate-600 break-all">{step.detail}</span>
                </li>
              ))}
            </ol>
          </CardBody>
        ) : null}
      </Card>
      {access ? (
        <>
          <Card>
            <CardHeader title="Groups and permissions" />
            <CardBody>
              {access.groups.length === 0 ? (
                <p className="text-sm text-slate-600">No groups: the catalog is empty for this principal.</p>
              ) : null}
              <ul className="space-y-1 text-sm">
                {access.groups.map((group) => (
                  <li key={group.name}>
                    <span className="font-mono">{group.name}</span>{" "}
                    <span className="text-slate-500">← {group.reasons.map(reasonText).join("; ")}</span>
                  </li>
                ))}
              </ul>
              <div className="mt-3 text-sm">
                Permissions: <BadgeList items={access.permissions.map((p) => p.permission)} />
              </div>
            </CardBody>
          </Card>
          <Card>
            <CardHeader title={`Visible servers (${access.servers.length}${access.truncated ? "+" : ""})`} />
            <CardBody>
              <table className="w-full text-left text-sm">
                <thead className="text-xs uppercase text-slate-500">
                  <tr>
                    <th className="py-1">Server</th>
                    <th>Methods</th>
                    <th>Tools</th>
                    <th>Why</th>
                  </tr>
                </thead>
                <tbody>
                  {access.servers.map((server) => (
                    <tr key={server.slug} className="border-t border-slate-100 align-top">
                      <td className="py-1.5 font-mono">
                        {server.slug}
                        {server.enabled ? "" : " (disabled)"}
                      </td>
                      <td>{list(server.methods)}</td>
                      <td className="max-w-xs break-words">{list(server.tools)}</td>
                      <td className="text-slate-600">
                        {server.reasons
                          .map((r) =>
                            r.rule === null ? `${r.group} (servers:write)` : `${r.group} rule ${r.rule + 1}`,
                          )
                          .join("; ")}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </CardBody>
          </Card>
        </>
      ) : null}
    </div>
  );
}
