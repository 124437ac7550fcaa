import assert from "node:assert/strict";
import { after, before, describe, mock, test } from "node:test";
import type { Principal } from "@/lib/auth/principal";
import { dbReady, disconnectDb, dbProvider, getDb, usageBatch, type Db } from "@/lib/db";
import { createUsageRowWriter, type UsageRow } from "@/lib/db/usage-row-writer";
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
      maxBatch: 2,
      intervalMs: 50,
      maxQueued: 3,
    });
    const row = (requestId: string): UsageRow => ({
      id: crypto.randomUUID(),
      at: new Date(),
      principalKind: "m2m",
      principalId: "acc-7",
      principalName: "batch-bot",
      serverSlug: "bounded",
      tool: "echo",
      outcome: "ok",
      durationMs: 1,
      requestId,
      detail: null,
    });
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
