import { spawn } from "node:child_process";
import path from "node:path";

export const PROJECT_ROOT = path.resolve(import.meta.dirname, "../../..");
export const SCHEMA_ENGINE = path.join(PROJECT_ROOT, "scripts/prisma-schema-engine/schema-engine.mjs");
const PRISMA_CLI = path.join(PROJECT_ROOT, "node_modules/prisma/build/index.js");

export interface ProcessResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr together, for assertions on what a user sees. */
  output: string;
}

const INHERITED_SETTINGS = [
  "DATABASE_URL",
  "SHADOW_DATABASE_URL",
  "REGISTRY_DATA_DIR",
  "PRISMA_SCHEMA_ENGINE_BINARY",
  "PRISMA_SCHEMA_ENGINE_WASM_VERSION_OVERRIDE",
];

/** The test process's environment without database settings, plus `extra`. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CHECKPOINT_DISABLE: "1",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    NO_COLOR: "1",
  };
  for (const name of INHERITED_SETTINGS) delete env[name];
  return { ...env, ...extra };
}

export function runProcess(
  file: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {},
): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { cwd: options.cwd ?? PROJECT_ROOT, env: options.env ?? cleanEnv() });
    let stdout = "";
    let stderr = "";
    let output = "";
    child.stdout.on("data", (chunk) => ((stdout += chunk), (output += chunk)));
    child.stderr.on("data", (chunk) => ((stderr += chunk), (output += chunk)));
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr, output }));
    child.stdin.end(options.input ?? "");
  });
}

/** The real Prisma CLI, as `npx prisma` runs it, in `cwd` with `env` (see cleanEnv). */
export function runPrisma(
  args: string[],
  options: { cwd: string; env?: Record<string, string> },
): Promise<ProcessResult> {
  return runProcess(process.execPath, [PRISMA_CLI, ...args], { cwd: options.cwd, env: cleanEnv(options.env) });
}
