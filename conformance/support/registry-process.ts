import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { setTimeout as delay } from "node:timers/promises";

/**
 * A production registry started exactly as users start it: `npm start` (`tsx scripts/start.ts`)
 * on the built tree, in its own process group, with stdout and stderr captured for the
 * log-hygiene check.
 */
export interface RegistryProcess {
  url: string;
  label: string;
  /** Everything the registry printed so far (every process of the group). */
  output(): string;
  /** Moves the registry's clock to `offsetMs` ahead of real time; resolves once every process has it. */
  setClockOffset(offsetMs: number): Promise<void>;
  stop(): Promise<void>;
}

// Registries run in their own process groups (so a signal reaches every process of one); if the
// suite dies without its after-hooks, these groups are killed on the way out, never orphaned.
const liveGroups = new Set<number>();
process.once("exit", () => {
  for (const pgid of liveGroups) {
    try {
      process.kill(-pgid, "SIGKILL");
    } catch {
      // already gone
    }
  }
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => process.exit(130));

const CLOCK_PRELOAD = pathToFileURL(resolve("conformance/support/clock-preload.mjs")).href;
const START_TIMEOUT_MS = 60_000;

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function startRegistry(label: string, env: Record<string, string>): Promise<RegistryProcess> {
  const port = await freePort();
  const clockDir = mkdtempSync(join(tmpdir(), "registry-clock-"));
  const chunks: string[] = [];
  const childEnv = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "",
    NEXT_TELEMETRY_DISABLED: "1",
    REGISTRY_LOG_LEVEL: "info",
    ...env,
    PORT: String(port),
    NODE_OPTIONS: `--import=${CLOCK_PRELOAD}`,
    CONFORMANCE_CLOCK_DIR: clockDir,
  } as Record<string, string> as unknown as NodeJS.ProcessEnv;
  const child: ChildProcess = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/start.ts"], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: childEnv,
  });
  liveGroups.add(child.pid!);
  child.once("exit", () => liveGroups.delete(child.pid!));
  child.stdout!.on("data", (chunk: Buffer) => chunks.push(chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => chunks.push(chunk.toString()));
  const output = () => chunks.join("");
  const url = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (exited(child)) return;
    const done = new Promise<void>((resolveExit) => child.once("exit", () => resolveExit()));
    process.kill(-child.pid!, "SIGTERM");
    const timer = setTimeout(() => {
      if (!exited(child)) process.kill(-child.pid!, "SIGKILL");
    }, 10_000);
    await done;
    clearTimeout(timer);
  };

  // Bounded start-up poll: the registry migrates, ensures the built-ins, then serves.
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (exited(child))
      throw new Error(
        `${label}: the registry exited (${child.exitCode ?? child.signalCode}) before it answered:\n${output()}`,
      );
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${label}: no answer from /api/health within ${START_TIMEOUT_MS / 1000} s:\n${output()}`);
    }
    try {
      const response = await fetch(`${url}/api/health`);
      await response.arrayBuffer();
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    await delay(100);
  }

  async function setClockOffset(offsetMs: number): Promise<void> {
    if (exited(child)) return;
    writeFileSync(join(clockDir, "offset"), String(offsetMs));
    process.kill(-child.pid!, "SIGUSR2");
    const until = Date.now() + 5_000;
    for (;;) {
      const pending = readdirSync(clockDir)
        .filter((name) => name.startsWith("clock-"))
        .filter((name) => alive(Number(name.slice(6))))
        .filter((name) => readFileSync(join(clockDir, name), "utf8") !== String(offsetMs));
      if (pending.length === 0) return;
      if (Date.now() > until) throw new Error(`${label}: clock change not acknowledged by ${pending.join(", ")}`);
      await delay(10);
    }
  }

  return { url, label, output, setClockOffset, stop };
}
