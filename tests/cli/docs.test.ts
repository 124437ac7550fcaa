import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { COMMANDS } from "@/cli/main";
import { M2M_APPS } from "../entra-emulator/helpers";

/** docs/cli.md and the README's CLI section describe the CLI that exists, with the demo's real ids. */
const PAGE = readFileSync("docs/cli.md", "utf8");
const README = readFileSync("README.md", "utf8");

test("every command and every option is documented in docs/cli.md, and nothing else is", () => {
  const rows = new Set([...PAGE.matchAll(/^\| `([a-z]+)[ `]/gm)].map((match) => match[1]!));
  for (const command of COMMANDS) {
    assert.ok(rows.has(command.name), `docs/cli.md has no row for ${command.name}`);
    for (const option of Object.keys(command.options)) {
      if (option === "help" || option === "client-secret") continue;
      assert.ok(PAGE.includes(`--${option}`), `docs/cli.md does not mention ${command.name} --${option}`);
    }
  }
  const mentioned = new Set([...PAGE.matchAll(/npx mcp-registry ([a-z]+)/g)].map((match) => match[1]!));
  for (const name of mentioned)
    assert.ok(
      COMMANDS.some((command) => command.name === name),
      `docs/cli.md runs an unknown command ${name}`,
    );
});

test("the demo walkthroughs use the demo tenant's catalog-sync-job and unlinked app", () => {
  for (const text of [PAGE, README]) {
    assert.ok(text.includes(`--client-id ${M2M_APPS.catalogSync.clientId}`));
    assert.ok(text.includes(`MCP_REGISTRY_CLIENT_SECRET=${M2M_APPS.catalogSync.secret}`));
  }
  assert.ok(PAGE.includes(`${M2M_APPS.unlinkedAgent.clientId}\``) && PAGE.includes(M2M_APPS.unlinkedAgent.secret));
});
