import { bumpIamGeneration } from "@/lib/auth/iam-generation";
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createUser } from "@/lib/iam/users/create-user";
import { DEMO, startApiRegistry, type ApiRegistry } from "./support/api-registry";
import { assertError, assertValidation } from "./support/assert-error";
import { call, expectStatus, type Credential } from "./support/call";

let reg: ApiRegistry;
let admin: Credential;
let owner: Credential;
let ownerId: string;

const slugs = (response: { json: { items: { slug: string }[] } }) => response.json.items.map((item) => item.slug);
const mint = async (as: Credential, body: Record<string, unknown>) => (await expectStatus(201, "POST", "/api/tokens", { as, body })).json;

before(async () => {
  reg = await startApiRegistry({ REGISTRY_TOKEN_MAX_TTL_HOURS: "720" });
  admin = { session: await reg.session(reg.userIds.adele) };
  // An engineer in team-payments (tokens:create) and catalog-readers, both by assignment.
  const engineer = await createUser(reg.db, { principal: null, requestId: "setup", system: true }, {
    tenantId: DEMO.tenant, objectId: "c0ffee00-1234-4abc-8def-0123456789ab", displayName: "Pradeep Gupta", groups: ["team-payments", "catalog-readers"], enabled: true,
  });
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
  assert.ok(!JSON.stringify(await reg.db.apiToken.findUniqueOrThrow({ where: { id: created.id } })).includes(created.token), "stored only as a hash");
  // Each user lists only their own tokens.
  const adminList = await expectStatus(200, "GET", "/api/tokens", { as: admin });
  assert.ok(!adminList.json.items.some((item: { id: string }) => item.id === created.id));
});

test("defaults: 8 hours; bounds: 1 h to REGISTRY_TOKEN_MAX_TTL_HOURS; unknown fields and foreign groups → 422", async () => {
  const created = await mint(owner, { name: "default expiry" });
  const hours = (Date.parse(created.expiresAt) - Date.parse(created.createdAt)) / 3600_000;
  assert.ok(Math.abs(hours - 8) < 0.01, `expires in ${hours} h`);
  assertValidation(await call("POST", "/api/tokens", { as: owner, body: { name: "too long", expiresInHours: 721 } }), ["expiresInHours"]);
  assertValidation(await call("POST", "/api/tokens", { as: owner, body: { name: "zero", expiresInHours: 0 } }), ["expiresInHours"]);
  assertValidation(await call("POST", "/api/tokens", { as: owner, body: { name: "x", scopes: ["*"] } }), ["scopes"]);
  assertValidation(await call("POST", "/api/tokens", { as: owner, body: { name: "x", groups: ["registry-admins"] } }), ["groups"]);
  assertValidation(await call("POST", "/api/tokens", { as: owner, body: { name: "x", servers: ["no-such-server"] } }), ["servers"]);
  assertValidation(await call("POST", "/api/tokens/{id}/rotate", { as: owner, params: { id: created.id }, body: { graceHours: 169 } }), ["graceHours"]);
});

test("use: the token authenticates as its own principal and sees what its groups allow", async () => {
  const { token } = await mint(owner, { name: "ci" });
  const me = await expectStatus(200, "GET", "/api/me", { as: { bearer: token } });
  assert.equal(me.json.kind, "token");
  assert.equal(me.json.ownerId, ownerId);
  assert.deepEqual(slugs(await expectStatus(200, "GET", "/api/servers", { as: { bearer: token } })), [...DEMO.enabledServers]);
  const narrow = await mint(owner, { name: "payments only", groups: ["team-payments"] });
  assert.deepEqual(slugs(await expectStatus(200, "GET", "/api/servers", { as: { bearer: narrow.token } })), [...DEMO.paymentsServers]);
  const github = await mint(owner, { name: "github only", servers: ["github"] });
  assert.deepEqual(slugs(await expectStatus(200, "GET", "/api/servers", { as: { bearer: github.token } })), ["github"]);
  assertError(await call("GET", "/api/servers/{slug}", { as: { bearer: github.token }, params: { slug: "sentry" } }), 404, "not_found");
});

test("effective groups = token.groups ∩ the owner's current groups", async () => {
  const { token } = await mint(owner, { name: "both groups" });
  const bearer = { bearer: token };
  assert.deepEqual((await expectStatus(200, "GET", "/api/me", { as: bearer })).json.groups.map((g: { name: string }) => g.name), ["catalog-readers", "team-payments"]);
  await expectStatus(200, "PATCH", "/api/iam/users/{id}", { as: admin, params: { id: ownerId }, body: { groups: ["team-payments"] } });
  assert.deepEqual((await expectStatus(200, "GET", "/api/me", { as: bearer })).json.groups.map((g: { name: string }) => g.name), ["team-payments"]);
  assert.deepEqual(slugs(await expectStatus(200, "GET", "/api/servers", { as: bearer })), [...DEMO.paymentsServers]);
  // Getting the group back restores it: the token's own grant never changed.
  await expectStatus(200, "PATCH", "/api/iam/users/{id}", { as: admin, params: { id: ownerId }, body: { groups: ["team-payments", "catalog-readers"] } });
  assert.deepEqual(slugs(await expectStatus(200, "GET", "/api/servers", { as: bearer })), [...DEMO.enabledServers]);
  // Groups the owner gains later are not added to an existing token.
  await expectStatus(200, "PATCH", "/api/iam/users/{id}", { as: admin, params: { id: ownerId }, body: { groups: ["team-payments", "catalog-readers", "registry-admins"] } });
  assertError(await call("GET", "/api/iam/users", { as: bearer }), 403, "forbidden");
  await expectStatus(200, "PATCH", "/api/iam/users/{id}", { as: admin, params: { id: ownerId }, body: { groups: ["team-payments", "catalog-readers"] } });
});

test("revoke: 204, then 401 on the next request; another user's token → 404", async () => {
  const created = await mint(owner, { name: "to revoke" });
  await expectStatus(200, "GET", "/api/servers", { as: { bearer: created.token } });
  assertError(await call("DELETE", "/api/tokens/{id}", { as: admin, params: { id: created.id } }), 404, "not_found");
  await expectStatus(200, "GET", "/api/servers", { as: { bearer: created.token } });
  await expectStatus(204, "DELETE", "/api/tokens/{id}", { as: owner, params: { id: created.id } });
  assertError(await call("GET", "/api/servers", { as: { bearer: created.token } }), 401, "invalid_token", [created.token]);
  const listed = (await expectStatus(200, "GET", "/api/tokens", { as: owner })).json.items.find((item: { id: string }) => item.id === created.id);
  assert.ok(listed.revokedAt);
  assertError(await call("POST", "/api/tokens/{id}/rotate", { as: owner, params: { id: created.id }, body: {} }), 409, "conflict");
});

test("rotate with grace: the old and the new secret both work; the record keeps its id", async () => {
  const created = await mint(owner, { name: "rotating" });
  const rotated = await expectStatus(200, "POST", "/api/tokens/{id}/rotate", { as: owner, params: { id: created.id }, body: {} });
  assert.equal(rotated.json.id, created.id);
  assert.notEqual(rotated.json.token, created.token);
  assert.match(rotated.json.token, /^mcpr_/);
  assert.equal(rotated.json.stub, `mcpr_…${rotated.json.token.slice(-4)}`);
  const graceHours = (Date.parse(rotated.json.graceUntil) - Date.now()) / 3600_000;
  assert.ok(graceHours > 23.9 && graceHours <= 24, `default grace ${graceHours} h`);
  for (const token of [created.token, rotated.json.token]) await expectStatus(200, "GET", "/api/me", { as: { bearer: token } });
});

test("rotate with graceHours 0: the old secret fails at once, the new one works", async () => {
  const created = await mint(owner, { name: "rotating hard" });
  const rotated = await expectStatus(200, "POST", "/api/tokens/{id}/rotate", { as: owner, params: { id: created.id }, body: { graceHours: 0 } });
  assertError(await call("GET", "/api/me", { as: { bearer: created.token } }), 401, "invalid_token", [created.token]);
  await expectStatus(200, "GET", "/api/me", { as: { bearer: rotated.json.token } });
  // Rotating again ends the grace of the secret before it too.
  const again = await expectStatus(200, "POST", "/api/tokens/{id}/rotate", { as: owner, params: { id: created.id }, body: { graceHours: 1 } });
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
  await expectStatus(200, "PATCH", "/api/iam/users/{id}", { as: admin, params: { id: ownerId }, body: { enabled: false } });
  for (const { token } of [first, second]) assertError(await call("GET", "/api/servers", { as: { bearer: token } }), 401, "invalid_token", [token]);
  await expectStatus(200, "PATCH", "/api/iam/users/{id}", { as: admin, params: { id: ownerId }, body: { enabled: true } });
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
  const all = (await expectStatus(200, "GET", "/api/tokens", { as: owner, query: "?limit=200" })).json.items.map((item: { id: string }) => item.id);
  const paged: string[] = [];
  let cursor: string | null = null;
  do {
    const page: { json: { items: { id: string; createdAt: string }[]; nextCursor: string | null } } = await expectStatus(200, "GET", "/api/tokens", { as: owner, query: { limit: "3", ...(cursor ? { cursor } : {}) } });
    paged.push(...page.json.items.map((item) => item.id));
    cursor = page.json.nextCursor;
  } while (cursor);
  assert.deepEqual(paged, all);
  assert.ok(all.length >= 10);
});
