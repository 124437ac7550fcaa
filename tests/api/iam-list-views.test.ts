import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, test } from "node:test";
import { DEMO, startApiRegistry, type ApiRegistry } from "./support/api-registry";
import { assertValidation } from "./support/assert-error";
import { call, expectStatus, type Credential } from "./support/call";

let reg: ApiRegistry;
let admin: Credential;

before(async () => {
  reg = await startApiRegistry();
  admin = { session: await reg.session(reg.userIds.adele) };
});
after(async () => reg?.close());

type Item = { id: string; name: string; enabled: boolean; groups: string[]; lastUsedAt: string | null };

async function collect(path: string, query: Record<string, string>): Promise<Item[]> {
  const items: Item[] = [];
  let cursor: string | null = null;
  do {
    const page: { json: { items: Item[]; nextCursor: string | null } } = await expectStatus(200, "GET", path, {
      as: admin,
      query: { limit: "2", ...query, ...(cursor ? { cursor } : {}) },
    });
    items.push(...page.json.items);
    cursor = page.json.nextCursor;
  } while (cursor);
  return items;
}

test("M2M accounts sort by -lastUsedAt across pages (never-used last), and filter by status and group", async () => {
  const group = `views-${randomUUID().slice(0, 8)}`;
  await expectStatus(201, "POST", "/api/iam/groups", { as: admin, body: { name: group } });
  const names = ["views-b", "views-a", "views-d", "views-c"].map((n) => `${n}-${group}`);
  const ids: string[] = [];
  for (const [index, name] of names.entries()) {
    const created = await expectStatus(201, "POST", "/api/iam/m2m-accounts", {
      as: admin,
      body: {
        tenantId: DEMO.tenant,
        clientId: randomUUID(),
        name,
        groups: index < 3 ? [group] : [],
        enabled: index !== 1,
      },
    });
    ids.push(created.json.id);
  }
  // Last used: b oldest, d newest, a and c never.
  await reg.db.m2mAccount.update({ where: { id: ids[0] }, data: { lastUsedAt: new Date("2026-01-01T00:00:00Z") } });
  await reg.db.m2mAccount.update({ where: { id: ids[2] }, data: { lastUsedAt: new Date("2026-06-01T00:00:00Z") } });

  const byUse = await collect("/api/iam/m2m-accounts", { q: "views-", sort: "-lastUsedAt" });
  const mine = byUse.filter((item) => item.name.endsWith(group)).map((item) => item.name.slice(0, 7));
  assert.deepEqual(mine.slice(0, 2), ["views-d", "views-b"]);
  assert.deepEqual([...mine.slice(2)].sort(), ["views-a", "views-c"], "never-used accounts come last");
  assert.equal(new Set(byUse.map((item) => item.id)).size, byUse.length, "no repeats across pages");

  const byName = await collect("/api/iam/m2m-accounts", { q: "views-", sort: "-name" });
  assert.deepEqual(
    byName.filter((item) => item.name.endsWith(group)).map((item) => item.name.slice(0, 7)),
    ["views-d", "views-c", "views-b", "views-a"],
  );

  const inGroup = await collect("/api/iam/m2m-accounts", { group });
  assert.deepEqual(
    inGroup.map((item) => item.name.slice(0, 7)),
    ["views-a", "views-b", "views-d"],
  );
  const disabled = await collect("/api/iam/m2m-accounts", { group, enabled: "false" });
  assert.deepEqual(
    disabled.map((item) => item.name.slice(0, 7)),
    ["views-a"],
  );
});

test("users sort by name both ways and filter by group and status", async () => {
  const group = `uviews-${randomUUID().slice(0, 8)}`;
  await expectStatus(201, "POST", "/api/iam/groups", { as: admin, body: { name: group } });
  for (const [name, enabled] of [
    ["Sort Probe B", true],
    ["Sort Probe A", false],
    ["Sort Probe C", true],
  ] as const) {
    await expectStatus(201, "POST", "/api/iam/users", {
      as: admin,
      body: {
        tenantId: DEMO.tenant,
        objectId: randomUUID(),
        displayName: `${name} ${group}`,
        groups: [group],
        enabled,
      },
    });
  }
  const page = async (query: Record<string, string>) =>
    (await collect("/api/iam/users", query)).map((u) =>
      (u as unknown as { displayName: string }).displayName.slice(0, 12),
    );
  assert.deepEqual(await page({ group }), ["Sort Probe A", "Sort Probe B", "Sort Probe C"]);
  assert.deepEqual(await page({ group, sort: "-name" }), ["Sort Probe C", "Sort Probe B", "Sort Probe A"]);
  assert.deepEqual(await page({ group, enabled: "true", sort: "-name" }), ["Sort Probe C", "Sort Probe B"]);
});

test("a bad sort, a bad filter, or a cursor reused under another sort → 422 naming the parameter", async () => {
  assertValidation(await call("GET", "/api/iam/users", { as: admin, query: { sort: "password" } }), ["sort"]);
  assertValidation(await call("GET", "/api/iam/m2m-accounts", { as: admin, query: { enabled: "maybe" } }), ["enabled"]);
  assertValidation(await call("GET", "/api/iam/m2m-accounts", { as: admin, query: { group: "Not A Group" } }), [
    "group",
  ]);
  const first = await expectStatus(200, "GET", "/api/iam/users", { as: admin, query: { limit: "1", sort: "-name" } });
  assert.ok(first.json.nextCursor);
  assertValidation(
    await call("GET", "/api/iam/users", {
      as: admin,
      query: { limit: "1", sort: "name", cursor: first.json.nextCursor },
    }),
    ["cursor"],
  );
});
