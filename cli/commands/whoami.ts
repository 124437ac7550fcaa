import { print, printJson, registryOption, stringOption, type Command } from "../command";
import { clientFor, resolveRegistryUrl } from "../credential";
import { formatPairs } from "../table";

export interface Me {
  kind: "user" | "token" | "m2m";
  id: string;
  displayName: string;
  groups: { name: string; reasons?: unknown[] }[];
  permissions: string[];
  tenantId?: string;
  clientId?: string;
  ownerId?: string;
  servers?: string[] | null;
}

export function describeCaller(me: Me): string {
  const groups = me.groups.map((group) => group.name).join(", ") || "none";
  return `${me.kind} ${me.displayName} (groups: ${groups})`;
}

export const whoamiCommand: Command = {
  name: "whoami",
  summary: "Who the registry thinks you are: kind, groups, permissions (GET /api/me)",
  help: `Usage: mcp-registry whoami [--registry <url>] [--json]

Prints GET /api/me: the kind of caller (m2m, token, user), its name and id, its groups and permissions.

Options:
  --registry <url>   default: MCP_REGISTRY_URL, else the registry of the last login
  --json             the API's JSON answer`,
  options: { ...registryOption, json: { type: "boolean" } },
  async run(values) {
    const client = await clientFor(resolveRegistryUrl(stringOption(values, "registry")));
    const me = await client.get<Me>("/api/me");
    if (values.json) return printJson(me);
    const rows: [string, string][] = [
      ["kind", me.kind],
      ["name", me.displayName],
      ["id", me.id],
      ...(me.tenantId
        ? ([
            ["tenant", me.tenantId],
            ["client", me.clientId ?? ""],
          ] as [string, string][])
        : []),
      ...(me.kind === "token"
        ? ([["servers", me.servers?.join(", ") || "all its groups grant"]] as [string, string][])
        : []),
      ["groups", me.groups.map((group) => group.name).join(", ") || "none"],
      ["permissions", me.permissions.join(", ") || "none (reads the catalog its groups grant)"],
    ];
    print(formatPairs(rows));
  },
};
