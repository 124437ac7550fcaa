import { usageError } from "../cli-error";
import { print, printJson, registryOption, stringOption, type Command } from "../command";
import { clientFor, resolveRegistryUrl } from "../credential";
import { formatTable, truncate } from "../table";
import { SLUG_PATTERN } from "./connect";

interface ToolItem {
  server?: string;
  name: string;
  description: string;
}

export const toolsCommand: Command = {
  name: "tools",
  summary: "The tools your groups grant, across servers or of one server",
  help: `Usage: mcp-registry tools [--server <slug>] [--search <q>] [--json] [--registry <url>]

Without --server: GET /api/tools (every page). With --server: GET /api/servers/{slug}/tools.
Only the tools your groups grant are listed.

Options:
  --server <slug>    the tools of one server
  --search <q>       name or description contains q (case-insensitive), as the API's q
  --json             a JSON array of the API's items
  --registry <url>   default: MCP_REGISTRY_URL, else the registry of the last login`,
  options: { ...registryOption, server: { type: "string" }, search: { type: "string" }, json: { type: "boolean" } },
  async run(values) {
    const server = stringOption(values, "server");
    if (server !== undefined && !SLUG_PATTERN.test(server))
      throw usageError(`--server takes a server slug (lowercase letters, digits, hyphens), got "${server}".`);
    const search = stringOption(values, "search");
    const client = await clientFor(resolveRegistryUrl(stringOption(values, "registry")));
    let tools: ToolItem[];
    if (server) {
      // The per-server route answers the whole list and has no q: filter here with the API's rule.
      const { items } = await client.get<{ items: ToolItem[] }>(`/api/servers/${server}/tools`);
      const needle = search?.toLowerCase();
      tools = needle
        ? items.filter(
            (tool) => tool.name.toLowerCase().includes(needle) || tool.description.toLowerCase().includes(needle),
          )
        : items;
    } else {
      tools = await client.getAll<ToolItem>("/api/tools", { q: search });
    }
    if (values.json) return printJson(tools);
    if (tools.length === 0)
      return print(
        server
          ? `No tools of ${server} match, or your groups grant none of them.`
          : "No tools. Your groups grant none (or none match).",
      );
    const rows = tools.map((tool) => [tool.server ?? server!, tool.name, truncate(tool.description, 70)]);
    print(formatTable(["SERVER", "TOOL", "DESCRIPTION"], rows));
  },
};
