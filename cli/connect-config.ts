import { claudeDesktopConfig, gatewayEndpoint, vscodeConfig } from "../components/servers/connect-snippets";

/**
 * MCP client configuration for one server behind the registry gateway: the very snippets of the
 * server page's Connect panel (components/servers/connect-snippets.ts), so CLI and UI cannot
 * disagree. None holds a token: VS Code prompts for it, Claude Desktop reads it from an environment
 * variable, the generic form carries a placeholder.
 */
export type ClientKind = "vscode" | "claude" | "json";

export const CLIENT_KINDS: ClientKind[] = ["vscode", "claude", "json"];

export { gatewayEndpoint };

/** Any client that takes a URL and headers. */
export function genericConfig(endpoint: string): string {
  return JSON.stringify({ url: endpoint, headers: { Authorization: "Bearer <token>" } }, null, 2);
}

export function clientConfig(kind: ClientKind, slug: string, endpoint: string): string {
  if (kind === "vscode") return vscodeConfig(slug, endpoint);
  if (kind === "claude") return claudeDesktopConfig(slug, endpoint);
  return genericConfig(endpoint);
}
