/**
 * MCP client configuration for one server behind the registry gateway, in the same shapes as the
 * server page's Connect panel (components/servers/connect-snippets.ts), so CLI and UI agree.
 * No token is ever written into a configuration: VS Code prompts for it, Claude Desktop reads it
 * from an environment variable, the generic form carries a placeholder.
 */
export type ClientKind = "vscode" | "claude" | "json";

export const CLIENT_KINDS: ClientKind[] = ["vscode", "claude", "json"];

export function gatewayEndpoint(registryUrl: string, slug: string): string {
  return `${registryUrl}/mcp/${slug}`;
}

/** `.vscode/mcp.json`: VS Code asks for the token once and keeps it in its secret storage. */
export function vscodeConfig(slug: string, endpoint: string) {
  return {
    inputs: [{ type: "promptString", id: "mcp-registry-token", description: "MCP Registry API token (mcpr_…) or Entra ID access token", password: true }],
    servers: { [slug]: { type: "http", url: endpoint, headers: { Authorization: "Bearer ${input:mcp-registry-token}" } } },
  };
}

/** `claude_desktop_config.json`: Claude Desktop starts local (stdio) servers; mcp-remote bridges to the gateway with the header. */
export function claudeDesktopConfig(slug: string, endpoint: string) {
  return {
    mcpServers: {
      [slug]: {
        command: "npx",
        // No space after the colon: some launchers split arguments on spaces.
        args: ["-y", "mcp-remote", endpoint, "--header", "Authorization:${MCP_REGISTRY_AUTH}"],
        env: { MCP_REGISTRY_AUTH: "Bearer <token>" },
      },
    },
  };
}

/** Any client that takes a URL and headers. */
export function genericConfig(endpoint: string) {
  return { url: endpoint, headers: { Authorization: "Bearer <token>" } };
}

export function clientConfig(kind: ClientKind, slug: string, endpoint: string): unknown {
  if (kind === "vscode") return vscodeConfig(slug, endpoint);
  if (kind === "claude") return claudeDesktopConfig(slug, endpoint);
  return genericConfig(endpoint);
}
