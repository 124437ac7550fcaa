import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { join } from "node:path";
import { test } from "node:test";
import Database from "better-sqlite3";
import { createTestDatabase } from "../support/test-database";

test("SIGKILL in the middle of writes loses no committed row and leaves a database that opens (SQLite)", async () => {
  const database = await createTestDatabase("sqlite");
  try {
    const child = spawn(process.execPath, ["--import", "tsx", "tests/support/write-loop.ts"], {
      env: {
        ...process.env,
        ...database.env,
        ENTRA_TENANT_IDS: "77ac5383-74a0-4b68-ae2c-83504351a44e",
        ENTRA_CLIENT_ID: "81382876-ac08-4e70-a240-ad7c89ed8dfe",
      },
      stdio: ["ignore", "pipe", "inherit"],
    });
    const committed: string[] = [];
    let buffered = "";
    await new Promise<void>((resolve, reject) => {
      child.on("error", reject);
      child.on("exit", (code, signal) =>
        signal === "SIGKILL" ? resolve() : reject(new Error(`writer exited early: ${code}`)),
      );
      child.stdout.on("data", (chunk: Buffer) => {
        buffered += chunk.toString();
        const lines = buffered.split("\n");
        buffered = lines.pop() ?? "";
        committed.push(...lines);
        if (committed.length >= 40 && !child.killed) child.kill("SIGKILL");
      });
    });
    assert.ok(committed.length >= 40);

    const sqlite = new Database(join(database.env.REGISTRY_DATA_DIR!, "registry.db"));
    try {
      assert.equal(sqlite.pragma("integrity_check", { simple: true }), "ok");
      const slugs = new Set(
        (sqlite.prepare("SELECT slug FROM Server").all() as { slug: string }[]).map((row) => row.slug),
      );
      for (const slug of committed) assert.ok(slugs.has(slug), `committed ${slug} is missing after SIGKILL`);
      // Each server and its audit event were written in one transaction: never one without the other.
      const orphans = sqlite
        .prepare(
          "SELECT COUNT(*) AS n FROM Server s WHERE NOT EXISTS (SELECT 1 FROM AuditEvent a WHERE a.targetId = s.id AND a.action = 'server.create')",
        )
        .get() as { n: number };
      assert.equal(orphans.n, 0);
    } finally {
      sqlite.close();
    }
  } finally {
    await database.drop();
  }
});
