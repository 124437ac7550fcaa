import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import { CopyButton } from "@/components/ui/copy-button";
import { Tabs } from "@/components/ui/tabs";
import {
  claudeDesktopConfig,
  cursorConfig,
  gatewayEndpoint,
  typescriptSdkSnippet,
  vscodeConfig,
} from "./connect-snippets";

/** How to point an MCP client at this server through the registry gateway. */
export function ConnectPanel({
  slug,
  registryUrl,
  canCreateTokens,
}: {
  slug: string;
  registryUrl: string;
  canCreateTokens: boolean;
}) {
  const endpoint = gatewayEndpoint(registryUrl, slug);
  return (
    <Card aria-labelledby="connect-heading" className="min-w-0">
      <CardHeader
        id="connect-heading"
        title="Connect"
        description="MCP clients reach this server through the registry gateway, which enforces your access and never passes your token on."
      />
      <CardBody className="space-y-4">
        <div>
          <p className="mb-1 text-xs font-medium text-slate-500">Gateway URL (Streamable HTTP)</p>
          <div className="flex items-center gap-2 rounded-md border border-slate-200 bg-slate-50 py-1 pr-1 pl-2.5">
            <code className="min-w-0 flex-1 truncate font-mono text-[12.5px] text-slate-800" title={endpoint}>
              {endpoint}
            </code>
            <CopyButton value={endpoint} label="Copy gateway URL" />
          </div>
        </div>
        <Tabs
          label="MCP client configuration"
          items={[
            {
              id: "vscode",
              label: "VS Code",
              content: (
                <CodeBlock
                  title=".vscode/mcp.json"
                  language="json"
                  code={vscodeConfig(slug, endpoint)}
                  copyLabel="Copy VS Code config"
                />
              ),
            },
            {
              id: "claude-desktop",
              label: "Claude Desktop",
              content: (
                <CodeBlock
                  title="claude_desktop_config.json"
                  language="json"
                  code={claudeDesktopConfig(slug, endpoint)}
                  copyLabel="Copy Claude Desktop config"
                />
              ),
            },
            {
              id: "cursor",
              label: "Cursor",
              content: (
                <CodeBlock
                  title="~/.cursor/mcp.json"
                  language="json"
                  code={cursorConfig(slug, endpoint)}
                  copyLabel="Copy Cursor config"
                />
              ),
            },
            {
              id: "sdk",
              label: "SDK",
              content: (
                <CodeBlock
                  title="agent.ts (TypeScript SDK)"
                  language="typescript"
                  code={typescriptSdkSnippet(endpoint)}
                  copyLabel="Copy TypeScript snippet"
                />
              ),
            },
          ]}
        />
        <div className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2.5 text-[13px] text-slate-600">
          Use a registry API token (<code className="font-mono text-slate-800">mcpr_…</code>) or an Entra ID access
          token for <code className="font-mono break-all text-slate-800">&lt;token&gt;</code>.
          {canCreateTokens ? (
            <>
              {" "}
              Create one restricted to this server so it cannot reach anything else.
              <div className="mt-2">
                <ButtonLink href={`/settings/tokens?server=${encodeURIComponent(slug)}`} variant="primary" size="sm">
                  Create a token for {slug}
                </ButtonLink>
              </div>
            </>
          ) : (
            <>
              {" "}
              You cannot create API tokens (your groups lack the <code className="font-mono">tokens:create</code>{" "}
              permission) — ask an admin, or use an Entra ID access token.
            </>
          )}
        </div>
      </CardBody>
    </Card>
  );
}
