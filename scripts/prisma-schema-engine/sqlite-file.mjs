import path from "node:path";

/** `file:./dev.db?connection_limit=1` → absolute path of the SQLite file (relative to the cwd). */
export function sqliteFilePath(url, cwd = process.cwd()) {
  const withoutScheme = url.replace(/^file:/, "");
  const file = decodeURIComponent(withoutScheme.split("?")[0]);
  if (file === ":memory:") return file;
  return path.resolve(cwd, file);
}
