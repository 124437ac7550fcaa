#!/usr/bin/env node
// A stand-in for Prisma's native `schema-engine` binary, which cannot be downloaded here: it
// speaks the native engine's protocol and forwards to @prisma/schema-engine-wasm.
// See README.md in this folder.
// Only the modules `--version` needs load up front; database drivers load on demand.
import { describeVersionMismatch, readEngineVersions } from "./engine-version.mjs";
import { writeErrorLine, writeStartLine } from "./log-line.mjs";
import { parseArgs } from "./parse-args.mjs";

const CLI_COMMANDS = {
  "can-connect-to-database": "canConnectToDatabase",
  "create-database": "createDatabase",
  "drop-database": "dropDatabase",
};

const versions = readEngineVersions();
const versionMismatch = describeVersionMismatch(versions);
let args;
try {
  args = parseArgs(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`schema-engine stand-in: ${error.message}\n`);
  process.exit(1);
}

if (args.version) {
  if (versionMismatch) {
    process.stderr.write(`schema-engine stand-in: ${versionMismatch}\n`);
    process.exit(1);
  }
  process.stdout.write(`schema-engine-cli ${versions.enginesHash}\n`);
  process.exit(0);
}

writeStartLine(versions.enginesHash);
if (versionMismatch) fail(versionMismatch);
if (!args.datasource) fail('the schema engine stand-in needs --datasource \'{"url":"..."}\'');
const { toRpcError } = await import("./rpc-errors.mjs");
if (args.cliCommand) await runCliCommand(CLI_COMMANDS[args.cliCommand], args.datasource);
else await serve(args);

async function runCliCommand(commandName, datasource) {
  try {
    const commands = await import("./database-commands.mjs");
    await commands[commandName](datasource.url);
    process.exit(0);
  } catch (error) {
    const { data } = toRpcError(error);
    fail(data.message, data.error_code);
  }
}

async function serve({ datamodels, datasource }) {
  const [{ openEngineSession }, { serveJsonRpc }] = await Promise.all([
    import("./engine-session.mjs"),
    import("./rpc-server.mjs"),
  ]);
  let server;
  let session;
  try {
    session = openEngineSession({
      datamodelPaths: datamodels,
      datasource,
      print: (content) => server.print(content),
      log: (line) => process.stderr.write(line.endsWith("\n") ? line : `${line}\n`),
    });
  } catch (error) {
    const { data } = toRpcError(error);
    fail(data.message, data.error_code);
  }
  const exit = (code) => {
    session.close();
    process.exit(code);
  };
  // Gap 7: the CLI sends SIGTERM right after closing stdin.
  process.on("SIGTERM", () => exit(0));
  server = serveJsonRpc({
    input: process.stdin,
    output: process.stdout,
    handle: (method, params) => session.call(method, params),
    toError: (error) => {
      const rpcError = toRpcError(error, session.errorRegistry);
      // The native engine exits with 101 after a panic; a panicked Wasm instance is unusable.
      if (rpcError.data?.is_panic) setImmediate(() => exit(101));
      return rpcError;
    },
    onClose: () => exit(0),
  });
}

function fail(message, errorCode) {
  writeErrorLine({ message, errorCode });
  process.exit(1);
}
