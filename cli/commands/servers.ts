import { print, printJson, registryOption, stringOption, type Command } from "../command";
import { clientFor, resolveRegistryUrl } from "../credential";
import { formatTable, truncate } from "../table";

export interface ServerItem {
  slug: string;
  name: string;
  description: string;
  transport: string;
  tags: string[];
  enabled: boolean;
  health: { status: string };
  toolCount?: number;
}

export const serversCommand: Command = {
  name: "servers",
  summary: "The servers your groups grant (GET /api/servers, every page)",
  help: `Usage: mcp-registry servers [--search <q>] [--tag <tag>] [--json] [--registry <url>]

Lists the servers you may see, exactly as GET /api/servers answers them, following nextCursor to the end.

Options:
  --search <q>       name, description or slug contains q (case-insensitive), or an exact tag
  --tag <tag>        only servers with this tag
  --json             a JSON array of the API's items
  --registry <url>   default: MCP_REGISTRY_URL, else the registry of the last login`,
  options: { ...registryOption, search: { type: "string" }, tag: { type: "string" }, json: { type: "boolean" } },
  async run(values) {
    const client = await clientFor(resolveRegistryUrl(stringOption(values, "registry")));
    const servers = await client.getAll<ServerItem>("/api/servers", {
      q: stringOption(values, "search"),
      tag: stringOption(values, "tag"),
    });
    if (values.json) return printJson(servers);
    if (servers.length === 0)
      return print("No servers. Your groups grant none (or none match); `mcp-registry whoami` shows your groups.");
    const rows = servers.map((server) => [
      server.slug,
      truncate(server.name, 40),
      String(server.toolCount ?? ""),
      server.enabled ? server.health.status : "disabled",
      server.tags.join(","),
    ]);
    print(formatTable(["SLUG", "NAME", "TOOLS", "HEALTH", "TAGS"], rows));
  },
};
