import assert from "node:assert/strict";
import { test } from "node:test";
import { ISOLATE_AFTER, WriteBatch } from "@/lib/db/write-batch";

/**
 * The isolation rule of lib/db/write-batch.ts, step by step, against an in-memory store that
 * refuses chosen rows or everything (the real databases: tests/gateway/usage-batch.test.ts).
 */
function store() {
  const state = { down: false, refused: new Set<string>(), rows: [] as string[], writes: 0 };
  const batch = new WriteBatch<string>({
    label: "isolation test",
    write: async (rows) => {
      state.writes++;
      if (state.down || rows.some((row) => state.refused.has(row))) throw new Error("refused");
      state.rows.push(...rows);
    },
    maxBatch: 100,
    intervalMs: 60_000, // the timer never fires during a test: only flush writes
    maxQueued: 1_000,
  });
  return { state, batch };
}

test("during an outage a pass costs the batch write and two single-row writes, and drops nothing", async () => {
  const { state, batch } = store();
  state.down = true;
  batch.add(["a", "b", "c", "d", "e"]);
  for (let attempt = 0; attempt < ISOLATE_AFTER; attempt++) await batch.flush();
  assert.equal(state.writes, ISOLATE_AFTER, "one multi-row write per attempt before isolating");
  await batch.flush();
  await batch.flush();
  assert.equal(state.writes, ISOLATE_AFTER + 2 * 3);
  assert.equal(batch.queued, 5);
  assert.equal(batch.rejected, 0);
  state.down = false;
  await batch.flush();
  assert.equal(state.writes, ISOLATE_AFTER + 2 * 3 + 1, "back in one multi-row write");
  assert.deepEqual(state.rows.sort(), ["a", "b", "c", "d", "e"]);
});

test("a run of refused rows is judged row by row after good rows land; a refused row alone waits for company", async () => {
  const { state, batch } = store();
  state.refused = new Set(["p1", "p2", "p3", "p4"]);
  batch.add(["g1", "p1", "p2", "p3", "g2", "p4", "g3"]);
  for (let attempt = 0; attempt < ISOLATE_AFTER; attempt++) await batch.flush();
  assert.equal(batch.queued, 7);
  await batch.flush();
  assert.deepEqual(state.rows.sort(), ["g1", "g2", "g3"]);
  assert.equal(batch.rejected, 3);
  assert.equal(batch.queued, 1, "the last refused row had no landed write before it: kept");
  batch.add(["g4"]);
  await batch.flush();
  assert.deepEqual(state.rows.sort(), ["g1", "g2", "g3", "g4"]);
  assert.equal(batch.rejected, 4);
  assert.equal(batch.queued, 0);
  assert.equal(batch.dropped, 0);
});
