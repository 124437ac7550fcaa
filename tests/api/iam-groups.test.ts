import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { PERMISSIONS } from "@/lib/access/permissions";
import { DEMO, startApiRegistry, type ApiRegistry } from "./support/api-registry";
import { assertError, assertValidation } from "./support/assert-error";
import { call, expectStatus, type Credential } from "./support/call";

let reg: ApiRegistry;
let admin: Credential;
let adminM2m: Credential;
let payments: Credential;

const slugs = (response: { json: { items: { slug: string }[] } }) => response.json.items.map((item) => item.slug);
const paymentsSees = async () => slugs(await expectStatus(200, "GET", "/api/servers", { as: payments }));

before(async () => {
  reg = await startApiRegistry();
  admin = { session: await reg.session(reg.userIds.adele) };
  adminM2m = { bearer: reg.appToken(DEMO.apps.bootstrapAdmin) };
  payments = { bearer: reg.appToken(DEMO.apps.payments) };
});
after(async () => reg?.close());

test("POST creates a group (201) with defaults filled in; GET reads it back", async () => {
  const body = {
    name: "sre",
    description: "Site reliability.",
    entraMappings: { groups: ["0F1E2D3C-4B5A-4968-8776-655443322110"], appRoles: ["Registry.Sre"] },
    serverAccess: [
      { server: "sentry", methods: ["tools/call"], tools: ["*"] },
      { server: "*", methods: ["tools/list"] },
    ],
    permissions: ["audit:read"],
  };
  const created = await expectStatus(201, "POST", "/api/iam/groups", { as: admin, body });
  assert.equal(created.json.name, "sre");
  assert.equal(created.json.builtIn, false);
  assert.deepEqual(created.json.entraMappings, {
    groups: ["0f1e2d3c-4b5a-4968-8776-655443322110"],
    appRoles: ["Registry.Sre"],
  });
  // A rule without tools grants no tools (fail closed).
  assert.deepEqual(created.json.serverAccess, [
    { server: "sentry", methods: ["tools/call"], tools: ["*"] },
    { server: "*", methods: ["tools/list"], tools: [] },
  ]);
  assert.deepEqual(created.json.members, { users: [], m2mAccounts: [] });
  assert.equal(created.json.version, 1);
  const fetched = await expectStatus(200, "GET", "/api/iam/groups/{name}", { as: adminM2m, params: { name: "sre" } });
  assert.deepEqual(fetched.json, created.json);
});

test("a duplicate name → 409", async () => {
  assertError(await call("POST", "/api/iam/groups", { as: admin, body: { name: "team-payments" } }), 409, "conflict");
});

test("concurrent creates of one name: one 201, the rest 409 (never 500)", async () => {
  const results = await Promise.all(
    [1, 2, 3].map(() => call("POST", "/api/iam/groups", { as: adminM2m, body: { name: "raced" } })),
  );
  assert.deepEqual(results.map((r) => r.status).sort(), [201, 409, 409]);
  for (const refused of results.filter((r) => r.status === 409)) assertError(refused, 409, "conflict");
  await expectStatus(204, "DELETE", "/api/iam/groups/{name}", { as: admin, params: { name: "raced" } });
});

test("unknown fields, bad names, bad GUIDs, bad rules and unknown permissions → 422 with field details", async () => {
  assertValidation(await call("POST", "/api/iam/groups", { as: admin, body: { name: "x", owner: "me" } }), ["owner"]);
  assertValidation(await call("POST", "/api/iam/groups", { as: admin, body: { name: "Has Spaces" } }), ["name"]);
  assertValidation(
    await call("POST", "/api/iam/groups", {
      as: admin,
      body: { name: "x", entraMappings: { groups: ["not-a-guid"] } },
    }),
    ["entraMappings.groups.0"],
  );
  assertValidation(
    await call("POST", "/api/iam/groups", {
      as: admin,
      body: { name: "x", serverAccess: [{ server: "Bad Slug", methods: ["*"], tools: ["*"] }] },
    }),
    ["serverAccess.0.server"],
  );
  assertValidation(
    await call("POST", "/api/iam/groups", {
      as: admin,
      body: { name: "x", serverAccess: [{ server: "github", tools: ["*"], extra: 1 }] },
    }),
    ["serverAccess.0.extra"],
  );
  assertValidation(
    await call("POST", "/api/iam/groups", { as: admin, body: { name: "x", permissions: ["servers:*"] } }),
    ["permissions.0"],
  );
  assertValidation(
    await call("PATCH", "/api/iam/groups/{name}", { as: admin, params: { name: "sre" }, body: { name: "renamed" } }),
    ["name"],
  );
  assertError(await call("GET", "/api/iam/groups/{name}", { as: admin, params: { name: "x" } }), 404, "not_found");
});

test("a group edit changes what the affected M2M principal sees on its next request", async () => {
  assert.deepEqual(await paymentsSees(), [...DEMO.paymentsServers]);
  const group = (
    await expectStatus(200, "GET", "/api/iam/groups/{name}", { as: admin, params: { name: "team-payments" } })
  ).json;
  const withSlack = [
    ...group.serverAccess.filter((rule: { server: string }) => rule.server !== "github"),
    { server: "slack", methods: ["tools/list"], tools: ["list_channels"] },
  ];
  await expectStatus(200, "PATCH", "/api/iam/groups/{name}", {
    as: admin,
    params: { name: "team-payments" },
    body: { serverAccess: withSlack },
  });

  assert.deepEqual(await paymentsSees(), ["sentry", "slack", "stripe-payments"]);
  const slack = await expectStatus(200, "GET", "/api/servers/{slug}/tools", {
    as: payments,
    params: { slug: "slack" },
  });
  assert.deepEqual(
    slack.json.items.map((tool: { name: string }) => tool.name),
    ["list_channels"],
  );
  assertError(await call("GET", "/api/servers/{slug}", { as: payments, params: { slug: "github" } }), 404, "not_found");

  await expectStatus(200, "PATCH", "/api/iam/groups/{name}", {
    as: admin,
    params: { name: "team-payments" },
    body: { serverAccess: group.serverAccess },
  });
  assert.deepEqual(await paymentsSees(), [...DEMO.paymentsServers]);
});

test("optimistic concurrency: two PATCHes from the same version → the second is 409 and changes nothing", async () => {
  const { version } = (await expectStatus(200, "GET", "/api/iam/groups/{name}", { as: admin, params: { name: "sre" } }))
    .json;
  const first = await expectStatus(200, "PATCH", "/api/iam/groups/{name}", {
    as: admin,
    params: { name: "sre" },
    body: { version, description: "first editor" },
  });
  assert.equal(first.json.version, version + 1);
  assertError(
    await call("PATCH", "/api/iam/groups/{name}", {
      as: adminM2m,
      params: { name: "sre" },
      body: { version, description: "second editor" },
    }),
    409,
    "conflict",
  );
  const now = (await expectStatus(200, "GET", "/api/iam/groups/{name}", { as: admin, params: { name: "sre" } })).json;
  assert.equal(now.description, "first editor");
  assert.equal(now.version, version + 1);
  await expectStatus(200, "PATCH", "/api/iam/groups/{name}", {
    as: adminM2m,
    params: { name: "sre" },
    body: { version: now.version, description: "second editor, reloaded" },
  });
});

test("concurrent PATCHes from the same version: exactly one wins", async () => {
  const { version } = (await expectStatus(200, "GET", "/api/iam/groups/{name}", { as: admin, params: { name: "sre" } }))
    .json;
  const results = await Promise.all(
    ["a", "b", "c"].map((editor) =>
      call("PATCH", "/api/iam/groups/{name}", {
        as: adminM2m,
        params: { name: "sre" },
        body: { version, description: editor },
      }),
    ),
  );
  assert.deepEqual(results.map((r) => r.status).sort(), [200, 409, 409]);
  const now = (await expectStatus(200, "GET", "/api/iam/groups/{name}", { as: admin, params: { name: "sre" } })).json;
  assert.equal(now.version, version + 1);
});

test("registry-admins is built in: it cannot be deleted or lose a permission", async () => {
  const refused = await call("DELETE", "/api/iam/groups/{name}", { as: admin, params: { name: "registry-admins" } });
  assert.ok([403, 409].includes(refused.status), refused.text);
  assertValidation(
    await call("PATCH", "/api/iam/groups/{name}", {
      as: admin,
      params: { name: "registry-admins" },
      body: { permissions: ["iam:read"] },
    }),
    ["permissions"],
  );
  const admins = (
    await expectStatus(200, "GET", "/api/iam/groups/{name}", { as: admin, params: { name: "registry-admins" } })
  ).json;
  assert.deepEqual([...admins.permissions].sort(), [...PERMISSIONS].sort());
  assert.equal(admins.builtIn, true);
});

test("DELETE answers 204; the group is gone and its members lose what it granted", async () => {
  await expectStatus(201, "POST", "/api/iam/groups", {
    as: admin,
    body: { name: "temp-slack", serverAccess: [{ server: "slack", methods: ["*"], tools: ["*"] }] },
  });
  await expectStatus(200, "PATCH", "/api/iam/m2m-accounts/{id}", {
    as: admin,
    params: { id: reg.accountIds.payments },
    body: { groups: ["team-payments", "temp-slack"] },
  });
  assert.ok((await paymentsSees()).includes("slack"));
  const deleted = await expectStatus(204, "DELETE", "/api/iam/groups/{name}", {
    as: admin,
    params: { name: "temp-slack" },
  });
  assert.equal(deleted.text, "");
  assertError(
    await call("GET", "/api/iam/groups/{name}", { as: admin, params: { name: "temp-slack" } }),
    404,
    "not_found",
  );
  assertError(
    await call("DELETE", "/api/iam/groups/{name}", { as: admin, params: { name: "temp-slack" } }),
    404,
    "not_found",
  );
  assert.deepEqual(await paymentsSees(), [...DEMO.paymentsServers]);
  const account = (
    await expectStatus(200, "GET", "/api/iam/m2m-accounts/{id}", { as: admin, params: { id: reg.accountIds.payments } })
  ).json;
  assert.deepEqual(account.groups, ["team-payments"]);
});

test("the list pages by name with limit and cursor, and searches with ?q=", async () => {
  const names: string[] = [];
  let cursor: string | null = null;
  do {
    const page: { json: { items: { name: string }[]; nextCursor: string | null } } = await expectStatus(
      200,
      "GET",
      "/api/iam/groups",
      { as: admin, query: { limit: "1", ...(cursor ? { cursor } : {}) } },
    );
    assert.equal(page.json.items.length, 1);
    names.push(page.json.items[0]!.name);
    cursor = page.json.nextCursor;
  } while (cursor);
  assert.deepEqual(names, ["catalog-readers", "registry-admins", "sre", "team-payments"]);
  const found = await expectStatus(200, "GET", "/api/iam/groups", { as: admin, query: "?q=PAYMENTS" });
  assert.deepEqual(
    found.json.items.map((group: { name: string }) => group.name),
    ["team-payments"],
  );
  const members = found.json.items[0].members;
  assert.deepEqual(members.m2mAccounts, [reg.accountIds.payments]);
  assert.deepEqual(members.users, [reg.userIds.megan]);
});
