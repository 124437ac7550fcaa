/**
 * MCP client configuration for one server behind the registry gateway. Every snippet keeps the
 * token out of the file where the client allows it (VS Code prompts for it; the others read it
 * from the environment or say where to paste it).
 */
export function gatewayEndpoint(registryUrl: string, slug: string): string {
  return `${registryUrl}/mcp/${slug}`;
}

export function vscodeConfig(slug: string, endpoint: string): string {
  return JSON.stringify(
    {
      inputs: [
        {
          type: "promptString",
          id: "mcp-registry-token",
          description: "MCP Registry API token (mcpr_…) or Entra ID access token",
          password: true,
        },
      ],
      servers: {
        [slug]: { type: "http", url: endpoint, headers: { Authorization: "Bearer ${input:mcp-registry-token}" } },
      },
    },
    null,
    2,
  );
}

/** Claude Desktop starts local (stdio) servers; mcp-remote bridges to a remote one with a header. */
export function claudeDesktopConfig(slug: string, endpoint: string): string {
  return JSON.stringify(
    {
      mcpServers: {
        [slug]: {
          command: "npx",
          // No space after the colon: some launchers split arguments on spaces.
          args: ["-y", "mcp-remote", endpoint, "--header", "Authorization:${MCP_REGISTRY_AUTH}"],
          env: { MCP_REGISTRY_AUTH: "Bearer <token>" },
        },
      },
    },
    null,
    2,
  );
}

export function cursorConfig(slug: string, endpoint: string): string {
  return JSON.stringify(
    { mcpServers: { [slug]: { url: endpoint, headers: { Authorization: "Bearer <token>" } } } },
    null,
    2,
  );
}

export function typescriptSdkSnippet(endpoint: string): string {
  return `import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const transport = new StreamableHTTPClientTransport(
  new URL("${endpoint}"),
  { requestInit: { headers: { Authorization: \`Bearer \${process.env.MCP_REGISTRY_TOKEN}\` } } },
);
const client = new Client({ name: "my-agent", version: "1.0.0" });
await client.connect(transport);

// Only the tools your groups grant are listed and callable.
const { tools } = await client.listTools();
const result = await client.callTool({ name: tools[0].name, arguments: {} });
await client.close();
`;
}
