import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { ensureTlsCertificate } from "@/entra-emulator/tls";

/**
 * `npm test`: every test, on both databases.
 *   0. formatting (`npm run format:check`) and lint (`npm run lint`): seconds, so they fail first;
 *   1. unit and integration tests (node's test runner) on the embedded SQLite database;
 *   2. the database-backed suites again on PostgreSQL (tests/db, tests/api, tests/gateway, tests/scim,
 *      tests/servers). tests/cli and tests/docs drive the registry through its HTTP API as a client
 *      would; their database use is setup (seeding through getDb()) through the same lib/ code the
 *      PostgreSQL stage already covers, and they are slow (a process per CLI call), so they run on
 *      SQLite only (the conformance suite covers HTTP on both);
 *   3. the production build;
 *   4. the conformance suite (conformance/): black-box HTTP checks against `npm start` on SQLite
 *      and PostgreSQL (scripts/test-conformance.ts);
 *   5. the Playwright suites (api and ui projects) in Debian's Chromium.
 * `npm test -- unit` stops after 0–2.
 */
function findTests(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return findTests(path);
    return name.endsWith(".test.ts") ? [path] : [];
  });
}

function run(label: string, command: string, args: string[], env: NodeJS.ProcessEnv, fix?: string): void {
  console.log(`\n==> ${label}`);
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) {
    console.error(`\n${label} failed (exit ${result.status ?? result.signal}).${fix ? ` To fix: ${fix}` : ""}`);
    process.exit(result.status ?? 1);
  }
}

async function main() {
  const onlyUnit = process.argv.includes("unit");
  const { certPath } = await ensureTlsCertificate(".test-data/tls");
  // In-process route tests would print every refused request; the log itself has its own test.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_EXTRA_CA_CERTS: resolve(certPath),
    NEXT_TELEMETRY_DISABLED: "1",
    REGISTRY_LOG_LEVEL: process.env.REGISTRY_LOG_LEVEL ?? "error",
  };
  const nodeTest = (files: string[]) => [
    "--import",
    "tsx",
    "--test",
    "--test-concurrency=2",
    "--test-reporter=spec",
    ...files,
  ];

  run(
    "formatting (npm run format:check)",
    "npm",
    ["run", "-s", "format:check"],
    env,
    "run `npm run format`, then review the diff.",
  );
  run(
    "lint (npm run lint)",
    "npm",
    ["run", "-s", "lint"],
    env,
    "change the code each message points at (the message says what to do instead); `npx eslint --fix <file>` fixes the mechanical ones. The architecture rules are in docs/architecture.md.",
  );

  const all = findTests("tests").sort();
  run(`unit and integration tests on SQLite (${all.length} files)`, process.execPath, nodeTest(all), {
    ...env,
    TEST_DATABASE: "sqlite",
  });

  const onBothDatabases = ["db", "api", "gateway", "scim", "servers"].map((folder) => join("tests", folder));
  const databaseSuites = all.filter((file) => onBothDatabases.some((folder) => file.startsWith(folder)));
  if (databaseSuites.length > 0) {
    run(`database suites on PostgreSQL (${databaseSuites.length} files)`, process.execPath, nodeTest(databaseSuites), {
      ...env,
      TEST_DATABASE: "postgresql",
    });
  }
  if (onlyUnit) return;

  run("production build", process.execPath, ["node_modules/next/dist/bin/next", "build"], env);
  run(
    "conformance suite (npm start over HTTP, SQLite and PostgreSQL)",
    process.execPath,
    ["--import", "tsx", "scripts/test-conformance.ts"],
    env,
  );
  run("Playwright (Debian's Chromium)", process.execPath, ["node_modules/@playwright/test/cli.js", "test"], env);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
