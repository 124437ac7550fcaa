const CLI_COMMANDS = new Set(["can-connect-to-database", "create-database", "drop-database"]);

export class UsageError extends Error {}

/**
 * Parses the native engine's command line:
 *   schema-engine --version
 *   schema-engine [--datamodels <path>]... [--datasource <json>] [--enabled-preview-features <a,b>]
 *                 [--extension-types <json>] [cli <can-connect-to-database|create-database|drop-database>]
 */
export function parseArgs(argv) {
  const args = { version: false, datamodels: [], datasource: undefined, cliCommand: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new UsageError(`${arg} needs a value`);
      return argv[++i];
    };
    if (arg === "--version" || arg === "-V") args.version = true;
    else if (arg === "--datamodels") args.datamodels.push(value());
    else if (arg === "--datasource") args.datasource = parseDatasource(value());
    else if (arg === "--enabled-preview-features" || arg === "--extension-types") value();
    else if (arg === "cli") {
      const command = argv[++i];
      if (!CLI_COMMANDS.has(command)) throw new UsageError(`unknown cli command: ${command ?? "(none)"}`);
      args.cliCommand = command;
    } else throw new UsageError(`unknown argument: ${arg}`);
  }
  return args;
}

function parseDatasource(json) {
  let datasource;
  try {
    datasource = JSON.parse(json);
  } catch {
    throw new UsageError('--datasource must be JSON like {"url":"..."}');
  }
  if (typeof datasource?.url !== "string") throw new UsageError("--datasource needs a url");
  return { url: datasource.url, shadowDatabaseUrl: datasource.shadowDatabaseUrl || undefined };
}
