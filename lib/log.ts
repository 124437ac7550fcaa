/**
 * Structured JSON logs on stdout. Callers pass fingerprints, never tokens or secrets.
 * REGISTRY_LOG_LEVEL (debug, info, warn, error, silent; default info) is read per line, so a
 * test can raise or lower it around the code it exercises.
 */
type Level = "debug" | "info" | "warn" | "error";

const RANK: Record<Level | "silent", number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

function enabled(level: Level): boolean {
  const configured = (process.env.REGISTRY_LOG_LEVEL ?? (process.env.REGISTRY_DEBUG ? "debug" : "info")) as
    Level | "silent";
  return RANK[level] >= (RANK[configured] ?? RANK.info);
}

function write(level: Level, message: string, fields: Record<string, unknown>) {
  if (!enabled(level)) return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, message, ...fields });
  if (level === "error" || level === "warn") process.stderr.write(`${line}\n`);
  else process.stdout.write(`${line}\n`);
}

export const log = {
  debug: (message: string, fields: Record<string, unknown> = {}) => write("debug", message, fields),
  info: (message: string, fields: Record<string, unknown> = {}) => write("info", message, fields),
  warn: (message: string, fields: Record<string, unknown> = {}) => write("warn", message, fields),
  error: (message: string, fields: Record<string, unknown> = {}) => write("error", message, fields),
};
