#!/usr/bin/env node
// The CLI is TypeScript (cli/). tsx, a runtime dependency, compiles it on load (the same hooks as
// `node --import tsx`), so plain `node bin/mcp-registry.mjs` and `npx mcp-registry` run it.
import "tsx";

// The project is CommonJS ("type" unset): the module's exports arrive as the default export.
const cli = await import("../cli/main.ts");
const { main } = cli.main ? cli : cli.default;
process.exitCode = await main(process.argv.slice(2));
