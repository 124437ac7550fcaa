import { isCliError, usageError } from "./cli-error";
import { parseCommandArgs, print, type Command } from "./command";
import { connectCommand } from "./commands/connect";
import { loginCommand } from "./commands/login";
import { serversCommand } from "./commands/servers";
import { toolsCommand } from "./commands/tools";
import { whoamiCommand } from "./commands/whoami";

export const COMMANDS: Command[] = [loginCommand, whoamiCommand, serversCommand, toolsCommand, connectCommand];

function overview(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  return `Usage: mcp-registry <command> [options]

The MCP Registry for scripts and agents: sign in with an Entra ID app or a registry API token,
list what your groups grant, and configure MCP clients for the gateway.

Commands:
${COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`).join("\n")}

Run \`mcp-registry <command> --help\` for a command's options.

Credentials: MCP_REGISTRY_TOKEN (a registry API token, mcpr_…) when set; else the token cached by
\`login\` in $XDG_CONFIG_HOME/mcp-registry/ (or ~/.config/mcp-registry/).
Exit codes: 0 ok, 1 usage error, 2 authentication or access refused, 3 registry or network error.`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    const topic = name === "help" ? COMMANDS.find((command) => command.name === rest[0]) : undefined;
    print(topic ? topic.help : overview());
    return 0;
  }
  try {
    const command = COMMANDS.find((candidate) => candidate.name === name);
    if (!command)
      throw usageError(
        `Unknown command "${name}". Commands: ${COMMANDS.map((c) => c.name).join(", ")}. See \`mcp-registry --help\`.`,
      );
    const { values, positionals } = parseCommandArgs(command, rest);
    if (values.help) {
      print(command.help);
      return 0;
    }
    await command.run(values, positionals);
    return 0;
  } catch (error) {
    if (isCliError(error)) {
      process.stderr.write(`mcp-registry: ${error.message}\n`);
      return error.exitCode;
    }
    process.stderr.write(
      `mcp-registry: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return 1;
  }
}
