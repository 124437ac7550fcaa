import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { tokenFingerprint } from "@/lib/auth/token-fingerprint";
import { call } from "./support/call";
import { DEMO, startApiRegistry, type ApiRegistry } from "./support/api-registry";

let reg: ApiRegistry;
before(async () => (reg = await startApiRegistry()));
after(async () => reg.close());

/** Captures every line written to stdout and stderr while `run` executes. */
async function captureLogs(run: () => Promise<void>): Promise<string[]> {
  const lines: string[] = [];
  const originals = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };
  const capture = (chunk: unknown) => {
    lines.push(String(chunk));
    return true;
  };
  process.stdout.write = capture as typeof process.stdout.write;
  process.stderr.write = capture as typeof process.stderr.write;
  try {
    await run();
  } finally {
    process.stdout.write = originals.out;
    process.stderr.write = originals.err;
  }
  return lines;
}

test("every 401 logs its exact reason and the token's fingerprint, and no log line contains a token", async () => {
  const expired = reg.appToken(DEMO.apps.payments, {
    exp: Math.floor(Date.now() / 1000) - 3600,
    iat: Math.floor(Date.now() / 1000) - 7200,
  });
  const foreign = reg.appToken(DEMO.apps.payments, {
    iss: `https://login.microsoftonline.com/${DEMO.otherTenant}/v2.0`,
    tid: DEMO.otherTenant,
  });
  const registry = `mcpr_${"Q".repeat(43)}`;
  const unlinked = reg.appToken(DEMO.apps.unlinked);
  const tokens = [expired, foreign, registry, unlinked];

  const level = process.env.REGISTRY_LOG_LEVEL;
  process.env.REGISTRY_LOG_LEVEL = "debug";
  const lines = await captureLogs(async () => {
    for (const token of tokens) await call("GET", "/api/servers", { as: { bearer: token } });
  }).finally(() => {
    if (level === undefined) delete process.env.REGISTRY_LOG_LEVEL;
    else process.env.REGISTRY_LOG_LEVEL = level;
  });

  const logged = lines.join("");
  for (const token of tokens) {
    assert.ok(!logged.includes(token), "a token appeared in the log");
    // A log line may never carry a recognisable piece of a token either (e.g. its signature part).
    for (const part of token.split("."))
      if (part.length >= 16) assert.ok(!logged.includes(part), "part of a token appeared in the log");
    assert.ok(logged.includes(tokenFingerprint(token)), "each failure is logged with the token's fingerprint");
  }
  assert.match(logged, /"reason":"[^"]*exp/i, "the expiry reason is logged");
  assert.match(logged, /registry token: unknown/);
  assert.match(logged, /no m2m account for \(tid, app id\)/);
});
