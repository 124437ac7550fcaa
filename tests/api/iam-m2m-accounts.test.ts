import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { DEMO, startApiRegistry, type ApiRegistry } from "./support/api-registry";
import { assertError, assertValidation } from "./support/assert-error";
import { call, expectStatus, type Credential } from "./support/call";

let reg: ApiRegistry;
let admin: Credential;
let payments: Credential;
let unlinked: Credential;

const slugs = (response: { json: { items: { slug: string }[] } }) => response.json.items.map((item) => item.slug);
const LINK = {
  tenantId: DEMO.tenant,
  clientId: DEMO.apps.unlinked,
  name: "unlinked-agent",
  description: "Linked by the test.",
  groups: ["team-payments"],
};

before(async () => {
  reg = await startApiRegistry();
  admin = { session: await reg.session(reg.userIds.adele) };
  payments = { bearer: reg.appToken(DEMO.apps.payments) };
  unlinked = { bearer: reg.appToken(DEMO.apps.unlinked) };
});
after(async () => reg?.close());

test("linking an Entra app (201) lets it in on its next request", async () => {
  assertError(await call("GET", "/api/servers", { as: unlinked }), 403, "client_not_registered");
  const created = await expectStatus(201, "POST", "/api/iam/m2m-accounts", {
    as: admin,
    body: { ...LINK, clientId: LINK.clientId.toUpperCase() },
  });
  assert.equal(created.json.clientId, DEMO.apps.unlinked);
  assert.deepEqual(created.json.groups, ["team-payments"]);
  assert.equal(created.json.enabled, true);
  assert.equal(created.json.lastUsedAt, null);
  assert.equal(created.json.createdBy, "Adele Vance");
  assert.deepEqual(slugs(await expectStatus(200, "GET", "/api/servers", { as: unlinked })), [...DEMO.paymentsServers]);
  const used = await expectStatus(200, "GET", "/api/iam/m2m-accounts/{id}", {
    as: admin,
    params: { id: created.json.id },
  });
  assert.ok(used.json.lastUsedAt, "lastUsedAt is recorded");
});

test("the same (tenantId, clientId) again, in any letter case → 409", async () => {
  assertError(await call("POST", "/api/iam/m2m-accounts", { as: admin, body: LINK }), 409, "conflict");
  assertError(
    await call("POST", "/api/iam/m2m-accounts", {
      as: admin,
      body: { ...LINK, tenantId: DEMO.tenant.toUpperCase(), name: "other name" },
    }),
    409,
    "conflict",
  );
});

test("concurrent links of one app: one 201, the rest 409 (never 500)", async () => {
  const body = { ...LINK, clientId: "3b5d7f91-2a4c-4e6f-8a0b-1c2d3e4f5a6b", name: "raced" };
  const results = await Promise.all([1, 2, 3].map(() => call("POST", "/api/iam/m2m-accounts", { as: admin, body })));
  assert.deepEqual(results.map((r) => r.status).sort(), [201, 409, 409]);
  for (const refused of results.filter((r) => r.status === 409)) assertError(refused, 409, "conflict");
  const created = results.find((r) => r.status === 201)!;
  await expectStatus(204, "DELETE", "/api/iam/m2m-accounts/{id}", { as: admin, params: { id: created.json.id } });
});

test("bad GUIDs, unknown fields and unknown groups → 422 with field details", async () => {
  const body = { ...LINK, clientId: "2f4e6a8c-1b3d-4f5a-8c7e-9d0b1a2c3e4f" };
  assertValidation(
    await call("POST", "/api/iam/m2m-accounts", { as: admin, body: { ...body, clientId: "payments-ci" } }),
    ["clientId"],
  );
  assertValidation(
    await call("POST", "/api/iam/m2m-accounts", {
      as: admin,
      body: { ...body, tenantId: "{77ac5383-74a0-4b68-ae2c-83504351a44e}" },
    }),
    ["tenantId"],
  );
  assertValidation(await call("POST", "/api/iam/m2m-accounts", { as: admin, body: { ...body, secret: "x" } }), [
    "secret",
  ]);
  assertValidation(await call("POST", "/api/iam/m2m-accounts", { as: admin, body: { ...body, groups: ["ghosts"] } }), [
    "groups",
  ]);
  assertValidation(await call("POST", "/api/iam/m2m-accounts", { as: admin, body: { ...body, name: "  " } }), ["name"]);
  assertValidation(
    await call("PATCH", "/api/iam/m2m-accounts/{id}", {
      as: admin,
      params: { id: reg.accountIds.payments },
      body: { clientId: body.clientId },
    }),
    ["clientId"],
  );
  const search = await expectStatus(200, "GET", "/api/iam/m2m-accounts", {
    as: admin,
    query: `?q=${body.clientId.slice(0, 8)}`,
  });
  assert.deepEqual(search.json.items, []);
});

test("disabling the account → 403 on the next request; enabling lets it back in", async () => {
  await expectStatus(200, "GET", "/api/servers", { as: payments });
  const disabled = await expectStatus(200, "PATCH", "/api/iam/m2m-accounts/{id}", {
    as: admin,
    params: { id: reg.accountIds.payments },
    body: { enabled: false },
  });
  assert.equal(disabled.json.enabled, false);
  assertError(await call("GET", "/api/servers", { as: payments }), 403, "client_not_registered");
  assertError(await call("GET", "/api/me", { as: payments }), 403, "client_not_registered");
  await expectStatus(200, "PATCH", "/api/iam/m2m-accounts/{id}", {
    as: admin,
    params: { id: reg.accountIds.payments },
    body: { enabled: true },
  });
  assert.deepEqual(slugs(await expectStatus(200, "GET", "/api/servers", { as: payments })), [...DEMO.paymentsServers]);
});

test("changing the account's groups changes what it sees on the next request", async () => {
  await expectStatus(200, "PATCH", "/api/iam/m2m-accounts/{id}", {
    as: admin,
    params: { id: reg.accountIds.payments },
    body: { groups: [] },
  });
  assert.deepEqual(await expectStatus(200, "GET", "/api/servers", { as: payments }).then((r) => r.json), {
    items: [],
    nextCursor: null,
  });
  await expectStatus(200, "PATCH", "/api/iam/m2m-accounts/{id}", {
    as: admin,
    params: { id: reg.accountIds.payments },
    body: { groups: ["catalog-readers"] },
  });
  assert.deepEqual(slugs(await expectStatus(200, "GET", "/api/servers", { as: payments })), [...DEMO.enabledServers]);
  const renamed = await expectStatus(200, "PATCH", "/api/iam/m2m-accounts/{id}", {
    as: admin,
    params: { id: reg.accountIds.payments },
    body: { groups: ["team-payments"], name: "payments-ci (renamed)" },
  });
  assert.equal(renamed.json.name, "payments-ci (renamed)");
  assert.deepEqual(slugs(await expectStatus(200, "GET", "/api/servers", { as: payments })), [...DEMO.paymentsServers]);
});

test("stale versions → 409", async () => {
  const { version } = (
    await expectStatus(200, "GET", "/api/iam/m2m-accounts/{id}", {
      as: admin,
      params: { id: reg.accountIds.catalogSync },
    })
  ).json;
  await expectStatus(200, "PATCH", "/api/iam/m2m-accounts/{id}", {
    as: admin,
    params: { id: reg.accountIds.catalogSync },
    body: { version, description: "one" },
  });
  assertError(
    await call("PATCH", "/api/iam/m2m-accounts/{id}", {
      as: admin,
      params: { id: reg.accountIds.catalogSync },
      body: { version, description: "two" },
    }),
    409,
    "conflict",
  );
});

test("DELETE answers 204; the app is unlinked on its next request", async () => {
  const account = (
    await expectStatus(200, "GET", "/api/iam/m2m-accounts", { as: admin, query: `?q=${DEMO.apps.unlinked}` })
  ).json.items[0];
  assert.equal(account.clientId, DEMO.apps.unlinked);
  const deleted = await expectStatus(204, "DELETE", "/api/iam/m2m-accounts/{id}", {
    as: admin,
    params: { id: account.id },
  });
  assert.equal(deleted.text, "");
  assertError(await call("GET", "/api/servers", { as: unlinked }), 403, "client_not_registered");
  assertError(
    await call("GET", "/api/iam/m2m-accounts/{id}", { as: admin, params: { id: account.id } }),
    404,
    "not_found",
  );
  assertError(
    await call("DELETE", "/api/iam/m2m-accounts/{id}", { as: admin, params: { id: account.id } }),
    404,
    "not_found",
  );
  const group = (
    await expectStatus(200, "GET", "/api/iam/groups/{name}", { as: admin, params: { name: "team-payments" } })
  ).json;
  assert.deepEqual(group.members.m2mAccounts, [reg.accountIds.payments]);
});

test("the list pages by name and searches by name, client id or tenant id", async () => {
  const names: string[] = [];
  let cursor: string | null = null;
  do {
    const page: { json: { items: { name: string }[]; nextCursor: string | null } } = await expectStatus(
      200,
      "GET",
      "/api/iam/m2m-accounts",
      { as: admin, query: { limit: "1", ...(cursor ? { cursor } : {}) } },
    );
    names.push(...page.json.items.map((account) => account.name));
    cursor = page.json.nextCursor;
  } while (cursor);
  assert.deepEqual(names, ["bootstrap 0c8e1f0a", "catalog-sync-job", "payments-ci (renamed)"]);
  const byName = await expectStatus(200, "GET", "/api/iam/m2m-accounts", { as: admin, query: "?q=CATALOG" });
  assert.deepEqual(
    byName.json.items.map((account: { clientId: string }) => account.clientId),
    [DEMO.apps.catalogSync],
  );
  const byTenant = await expectStatus(200, "GET", "/api/iam/m2m-accounts", {
    as: admin,
    query: `?q=${DEMO.tenant.slice(0, 8)}`,
  });
  assert.equal(byTenant.json.items.length, 3);
});
