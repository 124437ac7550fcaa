import { execFileSync } from "node:child_process";

/**
 * A port the OS reports free right now: a tiny Node process binds port 0 and prints what it
 * got. Synchronous on purpose: playwright.config.ts is evaluated synchronously.
 */
export function freePortSync(): number {
  const script =
    "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  const port = Number(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }).trim());
  if (!Number.isInteger(port) || port <= 0) throw new Error(`could not pick a free port (got '${port}')`);
  return port;
}
