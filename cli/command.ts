import { parseArgs, type ParseArgsConfig } from "node:util";
import { usageError } from "./cli-error";

export type OptionSpec = NonNullable<ParseArgsConfig["options"]>;

export interface Command {
  name: string;
  summary: string;
  /** The text `mcp-registry <name> --help` prints. */
  help: string;
  options: OptionSpec;
  /** How many positional arguments the command takes. */
  positionals?: number;
  run(values: Record<string, string | boolean | undefined>, positionals: string[]): Promise<void>;
}

export const registryOption: OptionSpec = { registry: { type: "string" }, help: { type: "boolean", short: "h" } };

/** Strict parsing: an unknown or malformed option is a usage error (exit 1) naming it. */
export function parseCommandArgs(command: Command, args: string[]) {
  try {
    const parsed = parseArgs({ args, options: command.options, allowPositionals: true, strict: true });
    if (!parsed.values.help && parsed.positionals.length > (command.positionals ?? 0)) {
      throw usageError(
        `Unexpected argument "${parsed.positionals[command.positionals ?? 0]}". See \`mcp-registry ${command.name} --help\`.`,
      );
    }
    return parsed as { values: Record<string, string | boolean | undefined>; positionals: string[] };
  } catch (error) {
    if (
      error instanceof Error &&
      "code" in error &&
      String((error as { code: unknown }).code).startsWith("ERR_PARSE_ARGS")
    ) {
      throw usageError(
        `${error.message.split(". To specify")[0]!.replace(/\.$/, "")}. See \`mcp-registry ${command.name} --help\`.`,
      );
    }
    throw error;
  }
}

export function stringOption(values: Record<string, string | boolean | undefined>, name: string): string | undefined {
  const value = values[name];
  return typeof value === "string" ? value : undefined;
}

export function print(text: string): void {
  process.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
}

export function printJson(value: unknown): void {
  print(JSON.stringify(value, null, 2));
}
