import assert from "node:assert/strict";
import { test } from "node:test";
import { WriteBatch } from "@/lib/db/write-batch";

/**
 * How lib/db/write-batch.ts treats a refused row and an outage, step by step, against an
 * in-memory store that refuses chosen rows (code "23505", as PostgreSQL does a duplicate key)
 * or fails every write while down ("57P01", PostgreSQL shutting down). The real databases and
 * their real errors: tests/gateway/usage-batch.test.ts.
 */
function store() {
  const state = { down: false, downAfterWrites: Infinity, refused: new Set<string>(), rows: [] as string[], writes: 0 };
  const failure = (code: string) => Object.assign(new Error(`failed with ${code}`), { code });
  const batch = new WriteBatch<string>({
    label: "isolation test",
    write: async (rows) => {
      state.writes++;
      if (state.down || state.writes > state.downAfterWrites) throw failure("57P01");
      if (rows.some((row) => state.refused.has(row))) throw failure("23505");
      state.rows.push(...rows);
    },
    refusalCode: (error) => ((error as { code: string }).code === "23505" ? "23505" : null),
    maxBatch: 100,
    intervalMs: 60_000, // the timer never fires during a test: only flush writes
    maxQueued: 1_000,
  });
  return { state, batch };
}

test("an outage costs one write per attempt and drops nothing; the rows land in one write once it is back", async () => {
  const { state, batch } = store();
  state.down = true;
  batch.add(["a", "b", "c", "d", "e"]);
  for (let attempt = 1; attempt <= 4; attempt++) {
    await batch.flush();
    assert.equal(state.writes, attempt, "one multi-row write per attempt, never row by row");
  }
  assert.equal(batch.queued, 5);
  assert.equal(batch.rejected, 0);
  state.down = false;
  await batch.flush();
  assert.equal(state.writes, 5, "back in one multi-row write");
  assert.deepEqual(state.rows, ["a", "b", "c", "d", "e"]);
});

test("refused rows anywhere in a batch are dropped in the same flush; the others land in order", async () => {
  const { state, batch } = store();
  state.refused = new Set(["p1", "p2", "p3", "p4"]);
  batch.add(["p1", "g1", "p2", "p3", "g2", "g3", "p4"]);
  await batch.flush();
  assert.deepEqual(state.rows, ["g1", "g2", "g3"]);
  assert.equal(batch.rejected, 4);
  assert.equal(batch.queued, 0);
  assert.equal(batch.dropped, 0);
  assert.equal(state.writes, 1 + 7, "the refused batch, then each of its rows once");
  batch.add(["g4", "g5"]);
  await batch.flush();
  assert.equal(state.writes, 1 + 7 + 1, "the next batch is one write again");
  assert.deepEqual(state.rows, ["g1", "g2", "g3", "g4", "g5"]);
});

test("a database that goes down during the row-by-row pass keeps the unwritten rows, in order, and drops nothing", async () => {
  const { state, batch } = store();
  state.refused = new Set(["p1"]);
  state.downAfterWrites = 3; // the batch, g1, p1 (refused); g2 meets the outage
  batch.add(["g1", "p1", "g2", "g3"]);
  await batch.flush();
  assert.deepEqual(state.rows, ["g1"]);
  assert.equal(batch.rejected, 1);
  assert.equal(batch.queued, 2);
  state.downAfterWrites = Infinity;
  await batch.flush();
  assert.deepEqual(state.rows, ["g1", "g2", "g3"]);
  assert.equal(batch.queued, 0);
  assert.equal(batch.dropped, 0);
});
