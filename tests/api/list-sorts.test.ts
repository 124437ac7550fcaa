import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, test } from "node:test";
import { startApiRegistry, type ApiRegistry } from "./support/api-registry";
import { assertValidation } from "./support/assert-error";
import { call, expectStatus, type Credential } from "./support/call";

/** Issue #11: the Groups and Audit Log lists sort on the server, stably, and page under any sort. */

let reg: ApiRegistry;
let admin: Credential;

before(async () => {
  reg = await startApiRegistry();
  admin = { session: await reg.session(reg.userIds.adele) };
});
after(async () => reg?.close());

/** Every item of a list, one per page, so each step goes through the cursor. */
async function walk<T extends { id: string }>(path: string, query: Record<string, string>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const page: { json: { items: T[]; nextCursor: string | null } } = await expectStatus(200, "GET", path, {
      as: admin,
      query: { limit: "1", ...query, ...(cursor ? { cursor } : {}) },
    });
    items.push(...page.json.items);
    cursor = page.json.nextCursor;
  } while (cursor);
  assert.equal(new Set(items.map((item) => item.id)).size, items.length, "no item twice across pages");
  return items;
}

test("groups sort by name both ways and by created/updated time, ties broken by id, across pages", async () => {
  const tag = `sortp-${randomUUID().slice(0, 6)}`;
  const names = ["b", "c", "a", "d"].map((letter) => `${tag}-${letter}`);
  const ids: string[] = [];
  for (const name of names)
    ids.push((await expectStatus(201, "POST", "/api/iam/groups", { as: admin, body: { name } })).json.id);
  // Created b < c < a < d; updated: c newest, a and d at the same moment (their id decides), b oldest.
  const times = [
    ["2026-01-01", "2026-02-01"],
    ["2026-01-02", "2026-05-01"],
    ["2026-01-03", "2026-03-01"],
    ["2026-01-04", "2026-03-01"],
  ];
  for (const [index, [created, updated]] of times.entries())
    await reg.db.group.update({
      where: { id: ids[index] },
      data: { createdAt: new Date(`${created}T00:00:00Z`), updatedAt: new Date(`${updated}T00:00:00Z`) },
    });
  const order = async (sort?: string) =>
    (await walk<{ id: string; name: string }>("/api/iam/groups", { q: tag, ...(sort ? { sort } : {}) })).map((group) =>
      group.name.slice(-1),
    );

  assert.deepEqual(await order(), ["a", "b", "c", "d"]);
  assert.deepEqual(await order("-name"), ["d", "c", "b", "a"]);
  assert.deepEqual(await order("createdAt"), ["b", "c", "a", "d"]);
  assert.deepEqual(await order("-createdAt"), ["d", "a", "c", "b"]);
  const [tieLow, tieHigh] = ids[2]! < ids[3]! ? ["a", "d"] : ["d", "a"];
  assert.deepEqual(await order("-updatedAt"), ["c", tieHigh, tieLow, "b"]);
  assert.deepEqual(await order("updatedAt"), ["b", tieLow, tieHigh, "c"]);
});

test("audit events sort by action, outcome and actor, newest first by default, ties broken by id, across pages", async () => {
  const actor = `sort-probe-${randomUUID().slice(0, 6)}`;
  const rows = [
    { action: "group.update", outcome: "success", actorName: "Mia", at: "2026-03-01T10:00:00Z" },
    { action: "auth.denied", outcome: "denied", actorName: "Amy", at: "2026-03-01T12:00:00Z" },
    { action: "server.create", outcome: "failure", actorName: null, at: "2026-03-01T11:00:00Z" },
    { action: "group.update", outcome: "success", actorName: "Zed", at: "2026-03-01T11:00:00Z" },
  ].map((row) => ({ ...row, id: randomUUID(), actorKind: "user", actorId: actor, at: new Date(row.at) }));
  await reg.db.auditEvent.createMany({ data: rows });
  const order = async (sort?: string) =>
    (await walk<{ id: string }>("/api/audit", { actor, ...(sort ? { sort } : {}) })).map((event) =>
      rows.findIndex((row) => row.id === event.id),
    );
  // Rows 2 and 3 share a time, and rows 0 and 3 an action and outcome: the id orders them.
  const [low, high] = rows[2]!.id < rows[3]!.id ? [2, 3] : [3, 2];
  const [low03, high03] = rows[0]!.id < rows[3]!.id ? [0, 3] : [3, 0];

  assert.deepEqual(await order(), [1, high, low, 0], "newest first");
  assert.deepEqual(await order("-at"), [1, high, low, 0]);
  assert.deepEqual(await order("at"), [0, low, high, 1]);
  assert.deepEqual(await order("action"), [1, low03, high03, 2]);
  assert.deepEqual(await order("-action"), [2, high03, low03, 1]);
  assert.deepEqual(await order("outcome"), [1, 2, low03, high03]);
  assert.deepEqual(await order("actor"), [1, 0, 3, 2], "an event without an actor name comes last");
  assert.deepEqual(await order("-actor"), [3, 0, 1, 2]);
});

test("an empty actor name is a value (first), not a missing one (last): paging by actor skips neither", async () => {
  const actor = `sort-empty-${randomUUID().slice(0, 6)}`;
  const rows = [{ actorName: "" }, { actorName: "Bo" }, { actorName: null }, { actorName: "" }].map((row) => ({
    ...row,
    id: randomUUID(),
    actorKind: "user",
    actorId: actor,
    action: "group.update",
    outcome: "success",
  }));
  await reg.db.auditEvent.createMany({ data: rows });
  const walked = (await walk<{ id: string }>("/api/audit", { actor, sort: "actor" })).map((event) =>
    rows.findIndex((row) => row.id === event.id),
  );
  const [first, second] = rows[0]!.id < rows[3]!.id ? [0, 3] : [3, 0];
  assert.deepEqual(walked, [first, second, 1, 2], "both empty names, then Bo, then the event without a name");
});

test("a bad sort, or a cursor reused under another sort, is a 422 naming the parameter", async () => {
  assertValidation(await call("GET", "/api/iam/groups", { as: admin, query: { sort: "permissions" } }), ["sort"]);
  assertValidation(await call("GET", "/api/audit", { as: admin, query: { sort: "before" } }), ["sort"]);
  for (const [path, otherSort] of [
    ["/api/iam/groups", "-name"],
    ["/api/audit", "action"],
  ] as const) {
    const first = await expectStatus(200, "GET", path, { as: admin, query: { limit: "1" } });
    assert.ok(first.json.nextCursor, `${path} has a second page`);
    assertValidation(
      await call("GET", path, { as: admin, query: { limit: "1", sort: otherSort, cursor: first.json.nextCursor } }),
      ["cursor"],
    );
  }
});
