import { bumpIamGeneration } from "@/lib/auth/iam-generation";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, test } from "node:test";
import { createUser } from "@/lib/iam/users/create-user";
import { DEMO, startApiRegistry, type ApiRegistry } from "./support/api-registry";
import { assertError, assertValidation, comparableError } from "./support/assert-error";
import { call, expectStatus, type Credential } from "./support/call";
import { systemContext } from "@/lib/system-context";

let reg: ApiRegistry;
let admin: Credential;
let owner: Credential;
let ownerId: string;

const slugs = (response: { json: { items: { slug: string }[] } }) => response.json.items.map((item) => item.slug);
const mint = async (as: Credential, body: Record<string, unknown>) =>
  (await expectStatus(201, "POST", "/api/tokens", { as, body })).json;

before(async () => {
  reg = await startApiRegistry({ REGISTRY_TOKEN_MAX_TTL_HOURS: "720" });
  admin = { session: await reg.session(reg.userIds.adele) };
  // An engineer in team-payments (tokens:create) and catalog-readers, both by assignment.
  const engineer = await createUser(
    systemContext(reg.db, { principal: null, requestId: "setup", system: true }.requestId),
    {
      tenantId: DEMO.tenant,
      objectId: "c0ffee00-1234-4abc-8def-0123456789ab",
      displayName: "Pradeep Gupta",
      groups: ["team-payments", "catalog-readers"],
      enabled: true,
    },
  );
  ownerId = engineer.id;
  owner = { session: await reg.session(ownerId) };
});
after(async () => reg?.close());

test("create: 201, the secret shown once (mcpr_…), the list never shows it", async () => {
  const created = await mint(owner, { name: "laptop", expiresInHours: 24 });
  assert.match(created.token, /^mcpr_[A-Za-z0-9_-]{43,}$/);
  assert.equal(created.name, "laptop");
  assert.equal(created.stub, `mcpr_…${created.token.slice(-4)}`);
  assert.deepEqual(created.groups, ["catalog-readers", "team-payments"]);
  assert.equal(created.servers, null);
  assert.deepEqual(created.permissions, [], "no permissions unless chosen");
  assert.equal(created.revokedAt, null);
  const hours = (Date.parse(created.expiresAt) - Date.parse(created.createdAt)) / 3600_000;
  assert.ok(Math.abs(hours - 24) < 0.01, `expires in ${hours} h`);

  const list = await expectStatus(200, "GET", "/api/tokens", { as: owner });
  assert.ok(!list.text.includes(created.token));
  assert.ok(!list.text.includes(created.token.slice(5, 30)));
  const listed = list.json.items.find((item: { id: string }) => item.id === created.id);
  assert.ok(listed);
  assert.equal(listed.token, undefined);
  assert.equal(listed.stub, created.stub);
  assert.deepEqual(listed.permissions, []);
  assert.ok(
    !JSON.stringify(await reg.db.apiToken.findUniqueOrThrow({ where: { id: created.id } })).includes(created.token),
    "stored only as a hash",
  );
  // Each user lists only their own tokens.
  const adminList = await expectStatus(200, "GET", "/api/tokens", { as: admin });
  assert.ok(!adminList.json.items.some((item: { id: string }) => item.id === created.id));
});

test("defaults: 8 hours; bounds: 1 h to REGISTRY_TOKEN_MAX_TTL_HOURS; unknown fields and foreign groups → 422", async () => {
  const created = await mint(owner, { name: "default expiry" });
  const hours = (Date.parse(created.expiresAt) - Date.parse(created.createdAt)) / 3600_000;
  assert.ok(Math.abs(hours - 8) < 0.01, `expires in ${hours} h`);
  const tooLong = assertValidation(
    await call("POST", "/api/tokens", { as: owner, body: { name: "too long", expiresInHours: 721 } }),
    ["expiresInHours"],
  );
  // People who create tokens cannot change the registry's settings: the number, never the variable's name.
  assert.deepEqual(tooLong.error.fields, [
    { path: "expiresInHours", message: "Expiry must be at most 720 hours on this registry" },
  ]);
  assert.ok(!JSON.stringify(tooLong).includes("REGISTRY_"));
  assertValidation(await call("POST", "/api/tokens", { as: owner, body: { name: "zero", expiresInHours: 0 } }), [
    "expiresInHours",
  ]);
  assertValidation(await call("POST", "/api/tokens", { as: owner, body: { name: "x", scopes: ["*"] } }), ["scopes"]);
  assertValidation(await call("POST", "/api/tokens", { as: owner, body: { name: "x", groups: ["registry-admins"] } }), [
    "groups",
  ]);
  assertValidation(await call("POST", "/api/tokens", { as: owner, body: { name: "x", servers: ["no-such-server"] } }), [
    "servers",
  ]);
  assertValidation(
    await call("POST", "/api/tokens/{id}/rotate", { as: owner, params: { id: created.id }, body: { graceHours: 169 } }),
    ["graceHours"],
  );
});

test("use: the token authenticates as its own principal and sees what its groups allow", async () => {
  const { token } = await mint(owner, { name: "ci" });
  const me = await expectStatus(200, "GET", "/api/me", { as: { bearer: token } });
  assert.equal(me.json.kind, "token");
  assert.equal(me.json.ownerId, ownerId);
  assert.deepEqual(slugs(await expectStatus(200, "GET", "/api/servers", { as: { bearer: token } })), [
    ...DEMO.enabledServers,
  ]);
  const narrow = await mint(owner, { name: "payments only", groups: ["team-payments"] });
  assert.deepEqual(slugs(await expectStatus(200, "GET", "/api/servers", { as: { bearer: narrow.token } })), [
    ...DEMO.paymentsServers,
  ]);
  const github = await mint(owner, { name: "github only", servers: ["github"] });
  assert.deepEqual(slugs(await expectStatus(200, "GET", "/api/servers", { as: { bearer: github.token } })), ["github"]);
  assertError(
    await call("GET", "/api/servers/{slug}", { as: { bearer: github.token }, params: { slug: "sentry" } }),
    404,
    "not_found",
  );
});

test("effective groups = token.groups ∩ the owner's current groups", async () => {
  const { token } = await mint(owner, { name: "both groups" });
  const bearer = { bearer: token };
  assert.deepEqual(
    (await expectStatus(200, "GET", "/api/me", { as: bearer })).json.groups.map((g: { name: string }) => g.name),
    ["catalog-readers", "team-payments"],
  );
  await expectStatus(200, "PATCH", "/api/iam/users/{id}", {
    as: admin,
    params: { id: ownerId },
    body: { groups: ["team-payments"] },
  });
  assert.deepEqual(
    (await expectStatus(200, "GET", "/api/me", { as: bearer })).json.groups.map((g: { name: string }) => g.name),
    ["team-payments"],
  );
  assert.deepEqual(slugs(await expectStatus(200, "GET", "/api/servers", { as: bearer })), [...DEMO.paymentsServers]);
  // Getting the group back restores it: the token's own grant never changed.
  await expectStatus(200, "PATCH", "/api/iam/users/{id}", {
    as: admin,
    params: { id: ownerId },
    body: { groups: ["team-payments", "catalog-readers"] },
  });
  assert.deepEqual(slugs(await expectStatus(200, "GET", "/api/servers", { as: bearer })), [...DEMO.enabledServers]);
  // Groups the owner gains later are not added to an existing token.
  await expectStatus(200, "PATCH", "/api/iam/users/{id}", {
    as: admin,
    params: { id: ownerId },
    body: { groups: ["team-payments", "catalog-readers", "registry-admins"] },
  });
  assertError(await call("GET", "/api/iam/users", { as: bearer }), 403, "forbidden");
  await expectStatus(200, "PATCH", "/api/iam/users/{id}", {
    as: admin,
    params: { id: ownerId },
    body: { groups: ["team-payments", "catalog-readers"] },
  });
});

test("revoke: 204, then 401 on the next request; another user's token → 404", async () => {
  const created = await mint(owner, { name: "to revoke" });
  await expectStatus(200, "GET", "/api/servers", { as: { bearer: created.token } });
  assertError(await call("DELETE", "/api/tokens/{id}", { as: admin, params: { id: created.id } }), 404, "not_found");
  await expectStatus(200, "GET", "/api/servers", { as: { bearer: created.token } });
  await expectStatus(204, "DELETE", "/api/tokens/{id}", { as: owner, params: { id: created.id } });
  assertError(await call("GET", "/api/servers", { as: { bearer: created.token } }), 401, "invalid_token", [
    created.token,
  ]);
  const listed = (await expectStatus(200, "GET", "/api/tokens", { as: owner })).json.items.find(
    (item: { id: string }) => item.id === created.id,
  );
  assert.ok(listed.revokedAt);
  assertError(
    await call("POST", "/api/tokens/{id}/rotate", { as: owner, params: { id: created.id }, body: {} }),
    409,
    "conflict",
  );
});

test("rotate with grace: the old and the new secret both work; the record keeps its id", async () => {
  const created = await mint(owner, { name: "rotating" });
  const rotated = await expectStatus(200, "POST", "/api/tokens/{id}/rotate", {
    as: owner,
    params: { id: created.id },
    body: {},
  });
  assert.equal(rotated.json.id, created.id);
  assert.notEqual(rotated.json.token, created.token);
  assert.match(rotated.json.token, /^mcpr_/);
  assert.equal(rotated.json.stub, `mcpr_…${rotated.json.token.slice(-4)}`);
  const graceHours = (Date.parse(rotated.json.graceUntil) - Date.now()) / 3600_000;
  assert.ok(graceHours > 23.9 && graceHours <= 24, `default grace ${graceHours} h`);
  for (const token of [created.token, rotated.json.token])
    await expectStatus(200, "GET", "/api/me", { as: { bearer: token } });
});

test("rotate with graceHours 0: the old secret fails at once, the new one works", async () => {
  const created = await mint(owner, { name: "rotating hard" });
  const rotated = await expectStatus(200, "POST", "/api/tokens/{id}/rotate", {
    as: owner,
    params: { id: created.id },
    body: { graceHours: 0 },
  });
  assertError(await call("GET", "/api/me", { as: { bearer: created.token } }), 401, "invalid_token", [created.token]);
  await expectStatus(200, "GET", "/api/me", { as: { bearer: rotated.json.token } });
  // Rotating again ends the grace of the secret before it too.
  const again = await expectStatus(200, "POST", "/api/tokens/{id}/rotate", {
    as: owner,
    params: { id: created.id },
    body: { graceHours: 1 },
  });
  await expectStatus(200, "GET", "/api/me", { as: { bearer: rotated.json.token } });
  await expectStatus(200, "GET", "/api/me", { as: { bearer: again.json.token } });
  assertError(await call("GET", "/api/me", { as: { bearer: created.token } }), 401, "invalid_token");
});

test("an expired token → 401", async () => {
  const created = await mint(owner, { name: "short", expiresInHours: 1 });
  await expectStatus(200, "GET", "/api/me", { as: { bearer: created.token } });
  await reg.db.apiToken.update({ where: { id: created.id }, data: { expiresAt: new Date(Date.now() - 1) } });
  // An out-of-band edit (not through lib/, so not audited) must move the IAM generation itself,
  // or instances keep the principal they cached; tests/auth/principal-cache.test.ts covers real expiry.
  await bumpIamGeneration(reg.db);
  assertError(await call("GET", "/api/me", { as: { bearer: created.token } }), 401, "invalid_token", [created.token]);
});

test("a disabled owner invalidates every token at once", async () => {
  const first = await mint(owner, { name: "one" });
  const second = await mint(owner, { name: "two" });
  await expectStatus(200, "PATCH", "/api/iam/users/{id}", {
    as: admin,
    params: { id: ownerId },
    body: { enabled: false },
  });
  for (const { token } of [first, second])
    assertError(await call("GET", "/api/servers", { as: { bearer: token } }), 401, "invalid_token", [token]);
  await expectStatus(200, "PATCH", "/api/iam/users/{id}", {
    as: admin,
    params: { id: ownerId },
    body: { enabled: true },
  });
  await expectStatus(200, "GET", "/api/servers", { as: { bearer: first.token } });
  owner = { session: await reg.session(ownerId) };
});

test("M2M principals and registry tokens cannot manage tokens (403); a delegated user token can", async () => {
  const payments = { bearer: reg.appToken(DEMO.apps.payments) };
  assertError(await call("GET", "/api/tokens", { as: payments }), 403, "forbidden");
  assertError(await call("POST", "/api/tokens", { as: payments, body: { name: "laundered" } }), 403, "forbidden");
  const { token } = await mint(owner, { name: "no minting" });
  assertError(await call("POST", "/api/tokens", { as: { bearer: token }, body: { name: "child" } }), 403, "forbidden");
  assertError(await call("GET", "/api/tokens", { as: { bearer: token } }), 403, "forbidden");

  const delegated = { bearer: reg.delegatedToken("c0ffee00-1234-4abc-8def-0123456789ab") };
  const minted = await mint(delegated, { name: "from my CLI", groups: ["team-payments"] });
  assert.deepEqual(minted.groups, ["team-payments"]);
  const mine = await expectStatus(200, "GET", "/api/tokens", { as: owner });
  assert.ok(mine.json.items.some((item: { id: string }) => item.id === minted.id));
});

test("the list pages newest first", async () => {
  const all = (await expectStatus(200, "GET", "/api/tokens", { as: owner, query: "?limit=200" })).json.items.map(
    (item: { id: string }) => item.id,
  );
  const paged: string[] = [];
  let cursor: string | null = null;
  do {
    const page: { json: { items: { id: string; createdAt: string }[]; nextCursor: string | null } } =
      await expectStatus(200, "GET", "/api/tokens", {
        as: owner,
        query: { limit: "3", ...(cursor ? { cursor } : {}) },
      });
    paged.push(...page.json.items.map((item) => item.id));
    cursor = page.json.nextCursor;
  } while (cursor);
  assert.deepEqual(paged, all);
  assert.ok(all.length >= 10);
});

// Issue #9: a token carries only the permissions chosen at creation (SPEC §2.2).

const SYSTEM = { principal: null, requestId: "setup", system: true };
const person = async (displayName: string, groups: string[]) => {
  const user = await createUser(systemContext(reg.db, SYSTEM.requestId), {
    tenantId: DEMO.tenant,
    objectId: randomUUID(),
    displayName,
    groups,
    enabled: true,
  });
  return { id: user.id, as: { session: await reg.session(user.id) } };
};
const permissionsOf = async (bearer: string) =>
  (await expectStatus(200, "GET", "/api/me", { as: { bearer } })).json.permissions;

test("an admin's token with no permissions chosen reads the catalog and gets 403 on every IAM and audit route", async () => {
  const created = await mint(admin, { name: "catalog only" });
  assert.deepEqual(created.permissions, []);
  const as = { bearer: created.token };
  assert.deepEqual(await permissionsOf(created.token), []);
  // Same groups as the admin's session, but no servers:write: the disabled server stays hidden,
  // even right after the session's answer was cached (the cache key includes token permissions).
  assert.ok(slugs(await expectStatus(200, "GET", "/api/servers", { as: admin })).includes("kubernetes-prod"));
  assert.deepEqual(slugs(await expectStatus(200, "GET", "/api/servers", { as })), [...DEMO.enabledServers]);
  assertError(await call("GET", "/api/servers/{slug}", { as, params: { slug: "kubernetes-prod" } }), 404, "not_found");
  for (const [method, path] of [
    ["GET", "/api/iam/users"],
    ["GET", "/api/iam/groups"],
    ["GET", "/api/iam/m2m-accounts"],
    ["GET", "/api/audit"],
  ] as const) {
    assertError(await call(method, path, { as }), 403, "forbidden");
  }
  assertError(await call("POST", "/api/iam/groups", { as, body: { name: "made-by-a-token" } }), 403, "forbidden");
  assertError(await call("POST", "/api/iam/explain", { as, body: { groupName: "registry-admins" } }), 403, "forbidden");
  assertError(
    await call("PATCH", "/api/servers/{slug}", {
      as,
      params: { slug: "github" },
      body: { description: "changed by a token" },
    }),
    403,
    "forbidden",
  );
  assert.equal(await reg.db.group.count({ where: { name: "made-by-a-token" } }), 0);
});

test("a chosen permission works, and only that one; records and the list show it", async () => {
  const created = await mint(admin, { name: "iam reader", permissions: ["iam:read"] });
  assert.deepEqual(created.permissions, ["iam:read"]);
  const as = { bearer: created.token };
  assert.deepEqual(await permissionsOf(created.token), ["iam:read"]);
  await expectStatus(200, "GET", "/api/iam/users", { as });
  await expectStatus(200, "GET", "/api/iam/groups", { as });
  assertError(await call("POST", "/api/iam/groups", { as, body: { name: "made-by-a-reader" } }), 403, "forbidden");
  assertError(await call("GET", "/api/audit", { as }), 403, "forbidden");
  const listed = (await expectStatus(200, "GET", "/api/tokens", { as: admin })).json.items.find(
    (item: { id: string }) => item.id === created.id,
  );
  assert.deepEqual(listed.permissions, ["iam:read"]);

  const writer = await mint(admin, { name: "group writer", permissions: ["iam:read", "iam:write"] });
  const group = await expectStatus(201, "POST", "/api/iam/groups", {
    as: { bearer: writer.token },
    body: { name: "made-by-a-writer" },
  });
  assert.equal(group.json.name, "made-by-a-writer");
  await expectStatus(204, "DELETE", "/api/iam/groups/{name}", { as: admin, params: { name: "made-by-a-writer" } });
});

test("a permission the owner lacks, tokens:create, or one none of the token's groups grants → 422 on permissions", async () => {
  const lacking = assertValidation(
    await call("POST", "/api/tokens", { as: owner, body: { name: "x", permissions: ["iam:read"] } }),
    ["permissions"],
  );
  assert.match(lacking.error.fields![0]!.message, /iam:read/);
  assertValidation(
    await call("POST", "/api/tokens", { as: owner, body: { name: "x", permissions: ["tokens:create"] } }),
    ["permissions"],
  );
  assertValidation(
    await call("POST", "/api/tokens", { as: admin, body: { name: "x", permissions: ["tokens:create"] } }),
    ["permissions"],
  );
  const unknown = assertError(
    await call("POST", "/api/tokens", { as: admin, body: { name: "x", permissions: ["iam:*"] } }),
    422,
    "validation_failed",
  );
  assert.ok(
    unknown.error.fields!.some((field) => field.path.startsWith("permissions")),
    JSON.stringify(unknown.error.fields),
  );
  // An admin who is also a catalog reader: iam:read comes from registry-admins only.
  const lead = await person("Ops Lead", ["registry-admins", "catalog-readers"]);
  const elsewhere = assertValidation(
    await call("POST", "/api/tokens", {
      as: lead.as,
      body: { name: "x", groups: ["catalog-readers"], permissions: ["iam:read"] },
    }),
    ["permissions"],
  );
  assert.match(elsewhere.error.fields![0]!.message, /groups/);
  await mint(lead.as, { name: "ok", groups: ["registry-admins"], permissions: ["iam:read"] });
  assert.equal(await reg.db.apiToken.count({ where: { name: "x" } }), 0);
});

test("the owner losing a permission takes it from the token on the next request; getting it back restores it", async () => {
  await expectStatus(201, "POST", "/api/iam/groups", {
    as: admin,
    body: { name: "auditors", permissions: ["audit:read", "tokens:create"] },
  });
  const auditor = await person("Audra Auditor", ["auditors"]);
  const { token } = await mint(auditor.as, { name: "audit export", permissions: ["audit:read"] });
  const as = { bearer: token };
  await expectStatus(200, "GET", "/api/audit", { as });
  await expectStatus(200, "PATCH", "/api/iam/groups/{name}", {
    as: admin,
    params: { name: "auditors" },
    body: { permissions: ["tokens:create"] },
  });
  assertError(await call("GET", "/api/audit", { as }), 403, "forbidden");
  assert.deepEqual(await permissionsOf(token), []);
  await expectStatus(200, "PATCH", "/api/iam/groups/{name}", {
    as: admin,
    params: { name: "auditors" },
    body: { permissions: ["audit:read", "iam:read", "tokens:create"] },
  });
  await expectStatus(200, "GET", "/api/audit", { as });
  // A permission the group gains later is not added to an existing token.
  assertError(await call("GET", "/api/iam/users", { as }), 403, "forbidden");
  // Leaving the group takes it too.
  await expectStatus(200, "PATCH", "/api/iam/users/{id}", {
    as: admin,
    params: { id: auditor.id },
    body: { groups: [] },
  });
  assertError(await call("GET", "/api/audit", { as }), 403, "forbidden");
});

test("a server restriction: only servers:write may go with it, scoped to its servers; IAM and audit permissions → 422", async () => {
  for (const permission of ["iam:read", "iam:write", "audit:read"]) {
    const refused = assertValidation(
      await call("POST", "/api/tokens", {
        as: admin,
        body: { name: "x", servers: ["github"], permissions: [permission] },
      }),
      ["permissions"],
    );
    assert.match(refused.error.fields![0]!.message, /server restriction/);
  }
  const created = await mint(admin, { name: "github manager", servers: ["github"], permissions: ["servers:write"] });
  assert.deepEqual(created.permissions, ["servers:write"]);
  const as = { bearer: created.token };
  await expectStatus(200, "PATCH", "/api/servers/{slug}", {
    as,
    params: { slug: "github" },
    body: { description: "Managed through a restricted token." },
  });
  assertError(
    await call("PATCH", "/api/servers/{slug}", { as, params: { slug: "slack" }, body: { description: "no" } }),
    404,
    "not_found",
  );
  assertError(
    await call("PUT", "/api/servers/{slug}/tools", { as, params: { slug: "slack" }, body: { tools: [] } }),
    404,
    "not_found",
  );
  assertError(
    await call("POST", "/api/servers", {
      as,
      body: {
        slug: "sneaked-in",
        name: "Sneaked in",
        url: "https://mcp.example.test/sneaked",
        transport: "streamable-http",
      },
    }),
    403,
    "forbidden",
  );
  assert.equal(await reg.db.server.count({ where: { slug: "sneaked-in" } }), 0);
  for (const path of ["/api/iam/users", "/api/iam/groups", "/api/audit"] as const)
    assertError(await call("GET", path, { as }), 403, "forbidden");

  // Fail closed: a stored row pairing a restriction with IAM permissions (written outside the
  // registry) still gets no IAM permission.
  await reg.db.apiToken.update({
    where: { id: created.id },
    data: { permissions: ["servers:write", "iam:read", "iam:write", "audit:read", "tokens:create"] },
  });
  await bumpIamGeneration(reg.db);
  assert.deepEqual(await permissionsOf(created.token), ["servers:write"]);
  for (const path of ["/api/iam/users", "/api/iam/groups", "/api/audit", "/api/tokens"] as const)
    assertError(await call("GET", path, { as }), 403, "forbidden");
});

test("a restriction to a server the owner cannot see gets the same 422 as a slug that does not exist", async () => {
  const payments = await person("Pat Payments", ["team-payments"]);
  assertError(
    await call("GET", "/api/servers/{slug}", { as: payments.as, params: { slug: "slack" } }),
    404,
    "not_found",
  );
  const absent = await call("POST", "/api/tokens", {
    as: payments.as,
    body: { name: "x", servers: ["made-up-server"] },
  });
  assertValidation(absent, ["servers"]);
  for (const hidden of ["slack", "kubernetes-prod"]) {
    const invisible = await call("POST", "/api/tokens", { as: payments.as, body: { name: "x", servers: [hidden] } });
    assertValidation(invisible, ["servers"]);
    assert.equal(comparableError(invisible, [hidden]), comparableError(absent, ["made-up-server"]));
  }
  // A server the owner sees is accepted.
  assert.deepEqual((await mint(payments.as, { name: "stripe only", servers: ["stripe-payments"] })).servers, [
    "stripe-payments",
  ]);
});
