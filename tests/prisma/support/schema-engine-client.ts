import { spawn } from "node:child_process";
import readline from "node:readline";
import { cleanEnv, PROJECT_ROOT, SCHEMA_ENGINE } from "./processes";

export interface RpcResponse {
  id: number;
  result?: unknown;
  error?: { code: number; message: string; data?: { is_panic: boolean; message: string; error_code?: string } };
}

export interface SchemaEngineClient {
  request(method: string, params?: unknown): Promise<RpcResponse>;
  /** Contents of the `print` requests the engine sent, in order. */
  readonly prints: string[];
  /** Every stdout line, in order (requests from the engine and responses). */
  readonly stdoutLines: string[];
  endInput(): void;
  kill(signal: NodeJS.Signals): void;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const running = new Set<ReturnType<typeof spawn>>();

/** Kills engines a failed test left running, so the test process can end. */
export function killRunningSchemaEngines(): void {
  for (const child of running) child.kill("SIGKILL");
}

/** The stand-in spoken to as the Prisma CLI does: JSON-RPC lines on stdin/stdout. */
export function startSchemaEngine(
  datasource: { url: string; shadowDatabaseUrl?: string },
  datamodels: string[] = [],
): SchemaEngineClient {
  const args = [...datamodels.flatMap((file) => ["--datamodels", file]), "--datasource", JSON.stringify(datasource)];
  const child = spawn(SCHEMA_ENGINE, args, { cwd: PROJECT_ROOT, env: cleanEnv(), stdio: ["pipe", "pipe", "ignore"] });
  running.add(child);
  const pending = new Map<number, (response: RpcResponse) => void>();
  const prints: string[] = [];
  const stdoutLines: string[] = [];
  let nextId = 1;

  readline.createInterface({ input: child.stdout }).on("line", (line) => {
    stdoutLines.push(line);
    const message = JSON.parse(line);
    if (message.method === "print") {
      prints.push(message.params.content);
      child.stdin.write(`${JSON.stringify({ jsonrpc: "2.0", id: message.id, result: {} })}\n`);
      return;
    }
    pending.get(message.id)?.(message);
    pending.delete(message.id);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    }),
  );

  return {
    request(method, params) {
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        child.stdin.write(`${JSON.stringify({ jsonrpc: "2.0", id, method, params })}\n`);
      });
    },
    prints,
    stdoutLines,
    endInput: () => child.stdin.end(),
    kill: (signal) => child.kill(signal),
    exited,
  };
}
