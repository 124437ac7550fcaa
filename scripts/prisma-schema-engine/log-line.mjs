// The native schema engine logs JSON lines on stderr (tracing's JSON format). The Prisma CLI
// parses them: it drops the first line, keeps `fields.message`, and reads `error_code` from
// ERROR lines whose target is `schema_engine::logger`.

export function writeLogLine(level, fields, target = "schema_engine") {
  const line = { timestamp: new Date().toISOString(), level, fields, target };
  process.stderr.write(`${JSON.stringify(line)}\n`);
}

export function writeStartLine(gitHash) {
  writeLogLine("INFO", { message: "Starting schema engine CLI", git_hash: gitHash });
}

export function writeErrorLine({ message, errorCode }) {
  const fields = { is_panic: false, message };
  if (errorCode) fields.error_code = errorCode;
  writeLogLine("ERROR", fields, "schema_engine::logger");
}
