import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { serve, type ServerType } from "@hono/node-server";
import { apiApp } from "@/lib/api/create-api-app";
import { getConfig } from "@/lib/config";
import { dbReady, getDb } from "@/lib/db";
import { ensureBuiltIns } from "@/lib/iam/ensure-built-ins";
import { seedDemo } from "@/prisma/seed/seed-demo";
import type { EntraEmulator } from "@/entra-emulator/server";
import { startTestEmulator } from "../../entra-emulator/helpers";
import { useTestRegistry } from "../../support/registry-env";

export const CLI = resolve("bin/mcp-registry.mjs");

/** The child's whole environment besides PATH and NODE_ENV: nothing leaks in from the test process. */
export type CliEnv = Record<string, string | undefined>;

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The bundled Entra emulator and the API application served in-process on a free port, the demo
 * catalog seeded: what `npm run demo` serves to machines, without Next.
 */
export interface CliTestRegistry {
  emulator: EntraEmulator;
  registryUrl: string;
  close(): Promise<void>;
}

export async function startCliTestRegistry(): Promise<CliTestRegistry> {
  const emulator = await startTestEmulator();
  const registry = await useTestRegistry({ ENTRA_AUTHORITY_HOST: emulator.url });
  await dbReady();
  const system = { principal: null, requestId: "cli-test-setup", system: true };
  await ensureBuiltIns(getDb(), getConfig(), system);
  await seedDemo(getDb(), system);
  let server: ServerType | undefined;
  const port = await new Promise<number>((listening) => {
    server = serve(
      { fetch: apiApp().fetch, port: 0, hostname: "127.0.0.1", overrideGlobalObjects: false },
      (info: AddressInfo) => listening(info.port),
    );
  });
  return {
    emulator,
    registryUrl: `http://127.0.0.1:${port}`,
    close: async () => {
      await new Promise((closed) => server?.close(closed));
      await registry.close();
      await emulator.close();
    },
  };
}

/** A home directory of its own: HOME and XDG_CONFIG_HOME point into it, so nothing touches the real user's. */
export function tempHome(): { home: string; configHome: string; remove(): void } {
  const home = mkdtempSync(join(tmpdir(), "mcp-registry-cli-"));
  return { home, configHome: join(home, "config"), remove: () => rmSync(home, { recursive: true, force: true }) };
}

/**
 * Runs the CLI as a user would: plain `node bin/mcp-registry.mjs`, a child process with only the
 * environment given (asynchronously: the registry answering it lives in this process).
 */
export function runCli(args: string[], env: CliEnv): Promise<CliResult> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { env: { NODE_ENV: "test", PATH: process.env.PATH, ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        done({ code: error ? (typeof error.code === "number" ? error.code : -1) : 0, stdout, stderr });
      },
    );
  });
}
