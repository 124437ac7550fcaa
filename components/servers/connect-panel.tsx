import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import { CopyButton } from "@/components/ui/copy-button";
import { Tabs } from "@/components/ui/tabs";

export function mcpClientConfig(slug: string, endpoint: string, flavour: "mcpServers" | "vscode"): string {
  const server = { type: "http", url: endpoint, headers: { Authorization: "Bearer <token>" } };
  return JSON.stringify(flavour === "mcpServers" ? { mcpServers: { [slug]: server } } : { servers: { [slug]: server } }, null, 2);
}

/** How to point an MCP client at this server through the registry gateway. */
export function ConnectPanel({ slug, registryUrl, canCreateTokens }: { slug: string; registryUrl: string; canCreateTokens: boolean }) {
  const endpoint = `${registryUrl}/mcp/${slug}`;
  return (
    <Card aria-labelledby="connect-heading">
      <CardHeader id="connect-heading" title="Connect" description="MCP clients reach this server through the registry gateway, which enforces your access." />
      <CardBody className="space-y-4">
        <div>
          <p className="mb-1 text-xs font-medium text-slate-500">Endpoint (Streamable HTTP)</p>
          <div className="flex items-center gap-2 rounded-md border border-slate-200 bg-slate-50 py-1 pr-1 pl-2.5">
            <code className="min-w-0 flex-1 truncate font-mono text-[12.5px] text-slate-800">{endpoint}</code>
            <CopyButton value={endpoint} label="Copy endpoint URL" />
          </div>
        </div>
        <Tabs
          label="MCP client configuration"
          items={[
            { id: "mcp-servers", label: "Claude / Cursor", content: <CodeBlock title="mcp.json" language="json" code={mcpClientConfig(slug, endpoint, "mcpServers")} copyLabel="Copy MCP client config" /> },
            { id: "vscode", label: "VS Code", content: <CodeBlock title=".vscode/mcp.json" language="json" code={mcpClientConfig(slug, endpoint, "vscode")} copyLabel="Copy VS Code config" /> },
          ]}
        />
        <div className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2.5 text-[13px] text-slate-600">
          Replace <code className="font-mono text-slate-800">&lt;token&gt;</code> with a registry API token.
          {canCreateTokens ? (
            <>
              {" "}Create one restricted to this server so it cannot reach anything else.
              <div className="mt-2">
                <ButtonLink href={`/settings/tokens?server=${encodeURIComponent(slug)}`} variant="primary" size="sm">Create a token for {slug}</ButtonLink>
              </div>
            </>
          ) : (
            <> You cannot create API tokens (your groups lack the <code className="font-mono">tokens:create</code> permission) — ask an admin, or use an Entra ID access token.</>
          )}
        </div>
      </CardBody>
    </Card>
  );
}
