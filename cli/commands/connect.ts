import { usageError } from "../cli-error";
import { print, registryOption, stringOption, type Command } from "../command";
import { CLIENT_KINDS, clientConfig, gatewayEndpoint, type ClientKind } from "../connect-config";
import { clientFor, resolveRegistryUrl } from "../credential";

export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

const WHERE: Record<ClientKind, string> = {
  vscode: "Put this in .vscode/mcp.json (or your user mcp.json); VS Code asks for the token on first use.",
  claude:
    "Merge this into claude_desktop_config.json and replace <token> in env with your token (an mcpr_… API token).",
  json: "Replace <token> with your token where your client keeps secrets.",
};

export const connectCommand: Command = {
  name: "connect",
  summary: "Print the MCP client configuration for a server behind the gateway",
  help: `Usage: mcp-registry connect <slug> --client vscode|claude|json [--registry <url>]

Prints the configuration for {registry}/mcp/{slug}, the registry's MCP gateway, after checking that
your groups grant the server (GET /api/servers/{slug}). The configuration never holds a token:
  vscode  .vscode/mcp.json with an "inputs" prompt for the token
  claude  claude_desktop_config.json running mcp-remote with the header from MCP_REGISTRY_AUTH
  json    { "url", "headers" } with a <token> placeholder
The JSON goes to stdout, where to put it to stderr.`,
  options: { ...registryOption, client: { type: "string" } },
  positionals: 1,
  async run(values, positionals) {
    const slug = positionals[0];
    if (!slug) throw usageError("Name the server: `mcp-registry connect <slug> --client vscode|claude|json`.");
    if (!SLUG_PATTERN.test(slug))
      throw usageError(`"${slug}" is not a server slug (lowercase letters, digits, hyphens).`);
    const kind = stringOption(values, "client");
    if (!kind || !CLIENT_KINDS.includes(kind as ClientKind))
      throw usageError(`--client must be one of ${CLIENT_KINDS.join(", ")}${kind ? ` (got "${kind}")` : ""}.`);
    const registryUrl = resolveRegistryUrl(stringOption(values, "registry"));
    await (await clientFor(registryUrl)).get(`/api/servers/${slug}`);
    print(clientConfig(kind as ClientKind, slug, gatewayEndpoint(registryUrl, slug)));
    process.stderr.write(`${WHERE[kind as ClientKind]}\n`);
  },
};
