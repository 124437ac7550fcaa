import assert from "node:assert/strict";
import { after, before, describe, mock, test } from "node:test";
import type { Principal } from "@/lib/auth/principal";
import { dbReady, disconnectDb, dbProvider, getDb, usageBatch, type Db } from "@/lib/db";
import { createUsageRowWriter, type UsageRow } from "@/lib/db/usage-row-writer";
import { rowRefusalCode } from "@/lib/db/row-refusal";
import { WriteBatch } from "@/lib/db/write-batch";
import { findGatewayUsage, usageQuery } from "@/lib/usage/find-gateway-usage";
import { flushGatewayUsage, recordGatewayUsage, type GatewayUsageInput } from "@/lib/usage/record-gateway-usage";
import { resolveDatabaseTarget } from "@/lib/db/database-target.mjs";
import { systemContext } from "@/lib/system-context";
import { useTestRegistry } from "../support/registry-env";

/**
 * Gateway usage is queued and written in batches (lib/db/write-batch.ts, lib/db/usage-row-writer.ts)
 * on the database this process runs against (TEST_DATABASE: sqlite or postgresql).
 */
let registry: Awaited<ReturnType<typeof useTestRegistry>>;
let db: Db;
const caller: Principal = {
  kind: "m2m",
  id: "acc-7",
  displayName: "batch-bot",
  groups: [],
  m2mAccountId: "acc-7",
  tenantId: "77ac5383-74a0-4b68-ae2c-83504351a44e",
  clientId: "c-7",
};
const usage = (requestId: string, extra: Partial<GatewayUsageInput> = {}): GatewayUsageInput => ({
  principal: caller,
  serverSlug: "batch",
  tool: "echo",
  outcome: "ok",
  durationMs: 3.6,
  requestId,
  ...extra,
});
const count = (where: Record<string, unknown>) => db.gatewayUsage.count({ where });
const usageRow = (requestId: string, serverSlug: string, extra: Partial<UsageRow> = {}): UsageRow => ({
  id: crypto.randomUUID(),
  at: new Date(),
  principalKind: "m2m",
  principalId: "acc-7",
  principalName: "batch-bot",
  serverSlug,
  tool: "echo",
  outcome: "ok",
  durationMs: 1,
  requestId,
  detail: null,
  ...extra,
});
const storedRequestIds = async (serverSlug: string) =>
  (await db.gatewayUsage.findMany({ where: { serverSlug }, select: { requestId: true } }))
    .map((stored) => stored.requestId)
    .sort();

/** A WriteBatch on the real writer whose timer never fires during a test: only `flush` writes. */
function testBatch(label: string) {
  const writer = createUsageRowWriter(resolveDatabaseTarget(process.env), db);
  let writes = 0;
  // Backoff tops out at 5 s: far longer than the flushes a test makes.
  const batch = new WriteBatch<UsageRow>({
    label,
    write: async (rows) => {
      writes++;
      await writer.insert(rows);
    },
    refusalCode: rowRefusalCode,
    maxBatch: 10,
    intervalMs: 60_000,
    maxQueued: 100,
  });
  return { batch, writer, writes: () => writes };
}

/** Every line written to stderr (where error lines go) while `run` executes, at log level error. */
async function captureErrorLog(run: () => Promise<void>): Promise<string[]> {
  const lines: string[] = [];
  const original = { write: process.stderr.write.bind(process.stderr), level: process.env.REGISTRY_LOG_LEVEL };
  process.stderr.write = ((chunk: unknown) => lines.push(String(chunk)) > 0) as typeof process.stderr.write;
  process.env.REGISTRY_LOG_LEVEL = "error";
  try {
    await run();
  } finally {
    process.stderr.write = original.write;
    process.env.REGISTRY_LOG_LEVEL = original.level;
  }
  return lines;
}

// Both providers keep the table name; renaming it makes every write fail without touching the code under test.
async function withoutUsageTable(run: () => Promise<void>) {
  await db.$executeRawUnsafe(`ALTER TABLE "GatewayUsage" RENAME TO "GatewayUsageAway"`);
  try {
    await run();
  } finally {
    await db.$executeRawUnsafe(`ALTER TABLE "GatewayUsageAway" RENAME TO "GatewayUsage"`);
  }
}

before(async () => {
  registry = await useTestRegistry();
  await dbReady();
  db = getDb();
});
after(async () => registry?.close());

describe(`gateway usage batches (${process.env.TEST_DATABASE === "postgresql" ? "PostgreSQL" : "SQLite"})`, () => {
  test("a queued row lands with every column, readable and filterable through GET /api/usage's query", async () => {
    const at = new Date("2026-12-04T08:09:10.123Z");
    recordGatewayUsage(db, [
      usage("req-columns", { at, tool: "to\u0000ol", outcome: "error", detail: "-32000: boom", durationMs: 12.5 }),
    ]);
    assert.equal(usageBatch(db)!.queued, 1, "queued, not written while the call answers");
    await flushGatewayUsage();
    const row = await db.gatewayUsage.findFirstOrThrow({ where: { requestId: "req-columns" } });
    assert.match(row.id, /^[0-9a-f-]{36}$/);
    assert.deepEqual(
      { ...row, id: undefined },
      {
        id: undefined,
        at,
        principalKind: "m2m",
        principalId: "acc-7",
        principalName: "batch-bot",
        serverSlug: "batch",
        tool: "to\uFFFDol",
        outcome: "error",
        durationMs: 13,
        requestId: "req-columns",
        detail: "-32000: boom",
      },
    );
    const page = await findGatewayUsage(
      systemContext(db, "usage-test"),
      usageQuery.parse({ from: "2026-12-04T08:09:10.123Z", to: "2026-12-04T08:09:10.123Z" }),
    );
    assert.deepEqual(
      page.items.map((item) => [item.requestId, item.at]),
      [["req-columns", "2026-12-04T08:09:10.123Z"]],
    );
  });

  test("GET /api/usage's query writes this process's queue first: a call is listed right after it", async () => {
    recordGatewayUsage(db, [usage("req-read-after", { serverSlug: "read-after" })]);
    const page = await findGatewayUsage(systemContext(db, "usage-test"), usageQuery.parse({ server: "read-after" }));
    assert.deepEqual(
      page.items.map((item) => item.requestId),
      ["req-read-after"],
    );
  });

  test("a burst of concurrent calls all land, in multi-row writes of at most 500", async () => {
    const burst = Array.from({ length: 1_234 }, (_, index) => `burst-${index}`);
    await Promise.all(
      burst.map(async (requestId, index) => {
        if (index % 2) await Promise.resolve();
        recordGatewayUsage(db, [usage(requestId, { serverSlug: "burst" })]);
      }),
    );
    await flushGatewayUsage();
    const rows = await db.gatewayUsage.findMany({ where: { serverSlug: "burst" }, select: { requestId: true } });
    assert.deepEqual(rows.map((row) => row.requestId).sort(), [...burst].sort());
  });

  test("rows are written within the flush interval without anyone asking", async () => {
    mock.timers.enable({ apis: ["setTimeout"] });
    try {
      const batch = usageBatch(db)!;
      recordGatewayUsage(db, [usage("req-timer", { serverSlug: "timer" })]);
      mock.timers.tick(199);
      assert.equal(batch.queued, 1);
      mock.timers.tick(1);
      assert.equal(batch.queued, 0, "the interval started the write");
    } finally {
      mock.timers.reset();
    }
    await flushGatewayUsage(); // waits for the write the timer started
    assert.equal(await count({ serverSlug: "timer" }), 1);
  });

  test("a failed write crashes nothing, keeps its rows and lands them once the database is back", async () => {
    await withoutUsageTable(async () => {
      recordGatewayUsage(db, [
        usage("req-down-1", { serverSlug: "down" }),
        usage("req-down-2", { serverSlug: "down" }),
      ]);
      await flushGatewayUsage();
      assert.equal(usageBatch(db)!.queued, 2, "kept for a retry");
    });
    await flushGatewayUsage();
    assert.equal(await count({ serverSlug: "down" }), 2);
  });

  test("while writes fail the queue stays bounded: rows beyond it are dropped and counted", async () => {
    const writer = createUsageRowWriter(resolveDatabaseTarget(process.env), db);
    const batch = new WriteBatch<UsageRow>({
      label: "bounded test usage",
      write: (rows) => writer.insert(rows),
      refusalCode: rowRefusalCode,
      maxBatch: 2,
      intervalMs: 50,
      maxQueued: 3,
    });
    const row = (requestId: string) => usageRow(requestId, "bounded");
    await withoutUsageTable(async () => {
      batch.add([row("b-1"), row("b-2"), row("b-3"), row("b-4"), row("b-5")]);
      assert.equal(batch.queued, 3);
      assert.equal(batch.dropped, 2);
      await batch.flush();
      assert.equal(batch.queued, 3);
    });
    await batch.flush();
    await writer.close();
    const rows = await db.gatewayUsage.findMany({ where: { serverSlug: "bounded" }, orderBy: { requestId: "asc" } });
    assert.deepEqual(
      rows.map((stored) => stored.requestId),
      ["b-1", "b-2", "b-3"],
    );
  });

  test("a row the database refuses (a duplicate key) is dropped in the same flush: the other rows land, the log names no content", async () => {
    const { batch, writer } = testBatch("poison test usage");
    // A real refusal on both databases: a second row with a stored row's primary key.
    const stored = usageRow("poison-original", "poison");
    await writer.insert([stored]);
    const secret = "sk-do-not-log-4d1f";
    const poison = usageRow("poison-duplicate", "poison-dup", { id: stored.id, detail: secret, principalName: secret });
    const lines = await captureErrorLog(async () => {
      batch.add([
        usageRow("poison-good-1", "poison"),
        poison,
        usageRow("poison-good-2", "poison"),
        usageRow("poison-good-3", "poison"),
      ]);
      await batch.flush();
    });
    await writer.close();
    assert.equal(batch.queued, 0, "drained by one flush");
    assert.equal(batch.rejected, 1);
    assert.equal(batch.dropped, 0);
    assert.deepEqual(await storedRequestIds("poison"), [
      "poison-good-1",
      "poison-good-2",
      "poison-good-3",
      "poison-original",
    ]);
    assert.equal(await count({ serverSlug: "poison-dup" }), 0);
    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const rejection = logged.find((line) => line.rejected);
    assert.equal(rejection?.message, "poison test usage records rejected by the database and dropped");
    assert.equal(rejection?.rejected, 1);
    assert.deepEqual(rejection?.codes, [dbProvider() === "postgresql" ? "23505" : "SQLITE_CONSTRAINT_PRIMARYKEY"]);
    assert.equal(logged.filter((line) => line.message !== rejection?.message).length, 0, "no write-failed line");
    for (const line of lines)
      assert.doesNotMatch(line, new RegExp(`${secret}|${stored.id}`), "no row content in the log");
  });

  test("a row missing a required value is refused on its own wherever it sits in the batch", async () => {
    const { batch, writer } = testBatch("not-null test usage");
    batch.add([
      usageRow("nn-missing", "not-null", { principalKind: null as unknown as string }),
      usageRow("nn-good-1", "not-null"),
      usageRow("nn-good-2", "not-null"),
    ]);
    await batch.flush();
    await writer.close();
    assert.equal(batch.queued, 0);
    assert.equal(batch.rejected, 1);
    assert.deepEqual(await storedRequestIds("not-null"), ["nn-good-1", "nn-good-2"]);
  });

  test("an outage (the table gone) is not a refusal: one write per flush, nothing dropped, every row lands once it is back", async () => {
    const { batch, writer, writes } = testBatch("outage test usage");
    const requestIds = ["outage-1", "outage-2", "outage-3"];
    await withoutUsageTable(async () => {
      batch.add(requestIds.map((requestId) => usageRow(requestId, "outage")));
      for (let attempt = 1; attempt <= 3; attempt++) {
        await batch.flush();
        assert.equal(writes(), attempt, "never row by row");
      }
      assert.equal(batch.queued, 3, "every row kept");
      assert.equal(batch.rejected, 0);
      assert.equal(batch.dropped, 0);
    });
    await batch.flush();
    await writer.close();
    assert.equal(batch.queued, 0);
    assert.deepEqual(await storedRequestIds("outage"), requestIds);
  });

  test("closing the database (scripts/serve.ts on SIGTERM) writes every accepted row first", async () => {
    const provider = dbProvider();
    recordGatewayUsage(
      db,
      Array.from({ length: 40 }, (_, index) => usage(`stop-${index}`, { serverSlug: "stop" })),
    );
    await disconnectDb();
    await dbReady();
    db = getDb();
    assert.equal(dbProvider(), provider);
    assert.equal(await count({ serverSlug: "stop" }), 40);
  });
});
