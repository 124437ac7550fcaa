import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, test } from "node:test";
import { DEMO, startApiRegistry, type ApiRegistry } from "./support/api-registry";
import { assertError, assertValidation } from "./support/assert-error";
import { call, expectStatus, type Credential } from "./support/call";

let reg: ApiRegistry;
let admin: Credential;
let adminM2m: Credential;

const NEW_USER = {
  tenantId: DEMO.tenant,
  objectId: "A1B2C3D4-E5F6-4789-8abc-def012345678",
  displayName: "Isaiah Langer",
  email: "isaiah@contoso.example",
  groups: ["team-payments"],
};

/** Each test provisions the users it needs (fresh object ids), so tests run alone or in any order. */
async function provision(displayName: string, extra: Record<string, unknown> = {}) {
  return (
    await expectStatus(201, "POST", "/api/iam/users", {
      as: admin,
      body: { tenantId: DEMO.tenant, objectId: randomUUID(), displayName, ...extra },
    })
  ).json as { id: string; objectId: string; version: number };
}

before(async () => {
  reg = await startApiRegistry();
  admin = { session: await reg.session(reg.userIds.adele) };
  adminM2m = { bearer: reg.appToken(DEMO.apps.bootstrapAdmin) };
});
after(async () => reg?.close());

test("POST pre-provisions a user by tenantId + objectId (201), normalising the GUIDs", async () => {
  const created = await expectStatus(201, "POST", "/api/iam/users", { as: admin, body: NEW_USER });
  assert.equal(created.json.objectId, NEW_USER.objectId.toLowerCase());
  assert.equal(created.json.tenantId, DEMO.tenant);
  assert.deepEqual(created.json.groups, ["team-payments"]);
  assert.equal(created.json.enabled, true);
  assert.equal(created.json.lastSignInAt, null);
  const fetched = await expectStatus(200, "GET", "/api/iam/users/{id}", {
    as: adminM2m,
    params: { id: created.json.id },
  });
  assert.deepEqual(fetched.json, created.json);
});

test("the same Entra user again (any letter case) → 409", async () => {
  const objectId = randomUUID().toUpperCase();
  await provision("Duplicate Probe", { objectId });
  assertError(
    await call("POST", "/api/iam/users", {
      as: admin,
      body: { tenantId: DEMO.tenant, objectId: objectId.toLowerCase(), displayName: "Again" },
    }),
    409,
    "conflict",
  );
  assertError(
    await call("POST", "/api/iam/users", {
      as: admin,
      body: { tenantId: DEMO.tenant.toUpperCase(), objectId, displayName: "Again" },
    }),
    409,
    "conflict",
  );
});

test("bad GUIDs, unknown fields, unknown groups and bad emails → 422 with field details", async () => {
  const body = { ...NEW_USER, objectId: "6a1f3c2e-0000-4000-8000-00000000abcd" };
  assertValidation(await call("POST", "/api/iam/users", { as: admin, body: { ...body, objectId: "not-a-guid" } }), [
    "objectId",
  ]);
  assertValidation(await call("POST", "/api/iam/users", { as: admin, body: { ...body, tenantId: "77ac5383" } }), [
    "tenantId",
  ]);
  assertValidation(await call("POST", "/api/iam/users", { as: admin, body: { ...body, role: "admin" } }), ["role"]);
  assertValidation(await call("POST", "/api/iam/users", { as: admin, body: { ...body, groups: ["no-such-group"] } }), [
    "groups",
  ]);
  assertValidation(await call("POST", "/api/iam/users", { as: admin, body: { ...body, email: "nope" } }), ["email"]);
  assertValidation(
    await call("PATCH", "/api/iam/users/{id}", {
      as: admin,
      params: { id: reg.userIds.alex },
      body: { displayName: "X" },
    }),
    ["displayName"],
  );
  // None of the refused requests created anything.
  assert.deepEqual(
    (await expectStatus(200, "GET", "/api/iam/users", { as: admin, query: "?q=6a1f3c2e" })).json.items,
    [],
  );
});

test("an admin cannot disable themself → 409, and stays enabled", async () => {
  assertError(
    await call("PATCH", "/api/iam/users/{id}", {
      as: admin,
      params: { id: reg.userIds.adele },
      body: { enabled: false },
    }),
    409,
    "conflict",
  );
  await expectStatus(200, "GET", "/api/me", { as: admin });
});

test("the last admin cannot be removed or disabled → 409, by themself or by automation", async () => {
  assertError(
    await call("PATCH", "/api/iam/users/{id}", { as: admin, params: { id: reg.userIds.adele }, body: { groups: [] } }),
    409,
    "conflict",
  );
  assertError(
    await call("PATCH", "/api/iam/users/{id}", {
      as: adminM2m,
      params: { id: reg.userIds.adele },
      body: { enabled: false },
    }),
    409,
    "conflict",
  );
  assertError(
    await call("PATCH", "/api/iam/users/{id}", {
      as: adminM2m,
      params: { id: reg.userIds.adele },
      body: { groups: ["team-payments"] },
    }),
    409,
    "conflict",
  );
  const adele = (
    await expectStatus(200, "GET", "/api/iam/users/{id}", { as: admin, params: { id: reg.userIds.adele } })
  ).json;
  assert.deepEqual(adele.groups, ["registry-admins"]);
  assert.equal(adele.enabled, true);
});

test("with a second admin, the first can be removed from registry-admins (but never disable themself)", async () => {
  const second = await provision("Second Admin", { groups: ["registry-admins"] });
  const alex = { session: await reg.session(second.id) };
  // Not even through her own API token can Adele disable herself (the token acts for her).
  const own = (
    await expectStatus(201, "POST", "/api/tokens", { as: admin, body: { name: "self", permissions: ["iam:write"] } })
  ).json.token;
  assertError(
    await call("PATCH", "/api/iam/users/{id}", {
      as: { bearer: own },
      params: { id: reg.userIds.adele },
      body: { enabled: false },
    }),
    409,
    "conflict",
    [own],
  );
  const removed = await expectStatus(200, "PATCH", "/api/iam/users/{id}", {
    as: alex,
    params: { id: reg.userIds.adele },
    body: { groups: [] },
  });
  assert.deepEqual(removed.json.groups, []);
  // Adele's next request already runs without the group.
  assertError(await call("GET", "/api/iam/users", { as: admin }), 403, "forbidden");
  await expectStatus(200, "PATCH", "/api/iam/users/{id}", {
    as: alex,
    params: { id: reg.userIds.adele },
    body: { groups: ["registry-admins"] },
  });
  await expectStatus(200, "GET", "/api/iam/users", { as: admin });
  // The second admin is now the one who may not leave if Adele goes: reset to the demo state.
  await expectStatus(200, "PATCH", "/api/iam/users/{id}", {
    as: admin,
    params: { id: second.id },
    body: { groups: [] },
  });
});

test("disabling a user ends their sessions: the next request is 401", async () => {
  const { id: alexId } = await provision("Session Probe");
  const session = await reg.session(alexId);
  const alex = { session };
  await expectStatus(200, "GET", "/api/me", { as: alex });
  const disabled = await expectStatus(200, "PATCH", "/api/iam/users/{id}", {
    as: admin,
    params: { id: alexId },
    body: { enabled: false },
  });
  assert.equal(disabled.json.enabled, false);
  assertError(await call("GET", "/api/me", { as: alex }), 401, "unauthorized", [session]);
  assert.equal(await reg.db.session.count({ where: { userId: alexId } }), 0);
  // Re-enabling does not bring the old session back.
  await expectStatus(200, "PATCH", "/api/iam/users/{id}", {
    as: admin,
    params: { id: alexId },
    body: { enabled: true },
  });
  assertError(await call("GET", "/api/me", { as: alex }), 401, "unauthorized", [session]);
});

test("sign out everywhere ends every session of that user only, is audited, and leaves their tokens working", async () => {
  const laptop = { session: await reg.session(reg.userIds.alex) };
  const phone = { session: await reg.session(reg.userIds.alex) };
  const megan = await expectStatus(200, "GET", "/api/iam/users/{id}", { as: admin, params: { id: reg.userIds.megan } });
  const { groups } = (
    await expectStatus(200, "PATCH", "/api/iam/users/{id}", {
      as: admin,
      params: { id: reg.userIds.alex },
      body: { groups: ["team-payments"] },
    })
  ).json;
  const token = (await expectStatus(201, "POST", "/api/tokens", { as: laptop, body: { name: "alex-cli" } })).json.token;
  const ended = await expectStatus(200, "POST", "/api/iam/users/{id}/sign-out", {
    as: admin,
    params: { id: reg.userIds.alex },
  });
  assert.deepEqual(ended.json, { endedSessions: 2 });
  for (const alex of [laptop, phone])
    assertError(await call("GET", "/api/me", { as: alex }), 401, "unauthorized", [alex.session]);
  await expectStatus(200, "GET", "/api/me", { as: { bearer: token } });
  await expectStatus(200, "GET", "/api/me", { as: admin });
  assert.equal(
    megan.json.enabled,
    (await expectStatus(200, "GET", "/api/iam/users/{id}", { as: admin, params: { id: reg.userIds.megan } })).json
      .enabled,
  );
  const audit = (
    await expectStatus(200, "GET", "/api/audit", {
      as: admin,
      query: { action: "user.sign-out", target: reg.userIds.alex },
    })
  ).json.items;
  assert.equal(audit.length, 1);
  assert.deepEqual(audit[0].after, { endedSessions: 2 });
  assert.equal(audit[0].actor.id, reg.userIds.adele);
  // Nobody signed in: still 200, nothing ended. An unknown user: 404.
  assert.deepEqual(
    (await expectStatus(200, "POST", "/api/iam/users/{id}/sign-out", { as: admin, params: { id: reg.userIds.alex } }))
      .json,
    { endedSessions: 0 },
  );
  assertError(
    await call("POST", "/api/iam/users/{id}/sign-out", {
      as: admin,
      params: { id: "8e2b4d6f-1a3c-4e5f-9a7b-0c1d2e3f4a5b" },
    }),
    404,
    "not_found",
  );
  assert.deepEqual(groups, ["team-payments"]);
  await expectStatus(200, "PATCH", "/api/iam/users/{id}", {
    as: admin,
    params: { id: reg.userIds.alex },
    body: { groups: [] },
  });
});

test("concurrent creates of the same Entra user: one 201, the rest 409 (never 500)", async () => {
  const body = { tenantId: DEMO.tenant, objectId: randomUUID(), displayName: "Raced" };
  const results = await Promise.all([1, 2, 3].map(() => call("POST", "/api/iam/users", { as: adminM2m, body })));
  assert.deepEqual(results.map((r) => r.status).sort(), [201, 409, 409]);
  for (const refused of results.filter((r) => r.status === 409)) assertError(refused, 409, "conflict");
});

test("stale versions → 409", async () => {
  const { id, version } = await provision("Stale Probe", { enabled: false, groups: ["team-payments"] });
  await expectStatus(200, "PATCH", "/api/iam/users/{id}", { as: admin, params: { id }, body: { version, groups: [] } });
  assertError(
    await call("PATCH", "/api/iam/users/{id}", { as: admin, params: { id }, body: { version, enabled: true } }),
    409,
    "conflict",
  );
  assert.equal(
    (await expectStatus(200, "GET", "/api/iam/users/{id}", { as: admin, params: { id } })).json.enabled,
    false,
  );
});

test("the list pages by display name and searches by name, email or object id", async () => {
  for (const name of ["Paging Probe C", "Paging Probe A", "Paging Probe B"]) await provision(name);
  const collect = async (q?: string) => {
    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { json: { items: { displayName: string }[]; nextCursor: string | null } } = await expectStatus(
        200,
        "GET",
        "/api/iam/users",
        { as: admin, query: { limit: "2", ...(q ? { q } : {}), ...(cursor ? { cursor } : {}) } },
      );
      names.push(...page.json.items.map((user) => user.displayName));
      cursor = page.json.nextCursor;
    } while (cursor);
    return names;
  };
  assert.deepEqual(await collect("Paging Probe"), ["Paging Probe A", "Paging Probe B", "Paging Probe C"]);
  const all = await collect();
  assert.deepEqual(all, [...all].sort(), "every page in display-name order, no repeats or gaps");
  for (const name of ["Adele Vance", "Alex Wilber", "Megan Bowen", "Paging Probe B"])
    assert.ok(all.includes(name), name);
  const byEmail = await expectStatus(200, "GET", "/api/iam/users", { as: admin, query: "?q=megan.bowen@" });
  assert.deepEqual(
    byEmail.json.items.map((user: { displayName: string }) => user.displayName),
    ["Megan Bowen"],
  );
  const byObjectId = await expectStatus(200, "GET", "/api/iam/users", {
    as: admin,
    query: `?q=${DEMO.users.alex.slice(0, 8)}`,
  });
  assert.deepEqual(
    byObjectId.json.items.map((user: { displayName: string }) => user.displayName),
    ["Alex Wilber"],
  );
  assertError(
    await call("GET", "/api/iam/users/{id}", { as: admin, params: { id: "8e2b4d6f-1a3c-4e5f-9a7b-0c1d2e3f4a5b" } }),
    404,
    "not_found",
  );
});
