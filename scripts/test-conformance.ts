import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/**
 * `npm run test:conformance`: the black-box conformance suite (conformance/) against the
 * production build started by `npm start`, once on the embedded SQLite database and once on
 * PostgreSQL. Builds first when there is no build or the sources are newer than it.
 * `npm run test:conformance -- sqlite` (or `postgresql`) runs one database only.
 */
const SOURCES = ["app", "lib", "components", "instrumentation.ts", "next.config.ts", "package.json"];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

function run(label: string, args: string[], env: NodeJS.ProcessEnv): void {
  console.log(`\n==> ${label}`);
  const result = spawnSync(process.execPath, args, { stdio: "inherit", env });
  if (result.status !== 0) {
    console.error(`\n${label} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const buildId = ".next/BUILD_ID";
if (!existsSync(buildId)) {
  console.log("No production build (.next/BUILD_ID): building it first.");
  run("production build", ["node_modules/next/dist/bin/next", "build"], env);
} else if (Math.max(...SOURCES.map(newestMtime)) > statSync(buildId).mtimeMs) {
  console.log("The sources are newer than the production build: rebuilding it first.");
  run("production build", ["node_modules/next/dist/bin/next", "build"], env);
}
if (!existsSync(buildId)) {
  console.error("The production build did not produce .next/BUILD_ID; run `npm run build` and read its errors.");
  process.exit(1);
}

const wanted = process.argv.slice(2).filter((arg) => arg === "sqlite" || arg === "postgresql");
const databases = wanted.length > 0 ? wanted : ["sqlite", "postgresql"];
for (const database of databases) {
  run(
    `conformance suite on ${database} (npm start, over HTTP)`,
    ["--import", "tsx", "--test", "--test-reporter=spec", "conformance/registry.conformance.ts"],
    {
      ...env,
      CONFORMANCE_DATABASE: database,
    },
  );
}
