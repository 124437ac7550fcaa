import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, test } from "node:test";
import { tokenFingerprint } from "@/lib/auth/token-fingerprint";
import { DEMO, startApiRegistry, type ApiRegistry } from "./support/api-registry";
import { assertError } from "./support/assert-error";
import { call, expectStatus, type Credential } from "./support/call";

let reg: ApiRegistry;
let admin: Credential;

interface AuditEvent {
  id: string;
  at: string;
  actor: { kind: string; id: string | null; name: string | null };
  action: string;
  outcome: string;
  target: { type: string | null; id: string | null; name: string | null };
  reason: string | null;
  tokenFingerprint: string | null;
  requestId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

const events = async (query: Record<string, string>): Promise<AuditEvent[]> =>
  (await expectStatus(200, "GET", "/api/audit", { as: admin, query: { limit: "200", ...query } })).json.items;

before(async () => {
  reg = await startApiRegistry();
  admin = { session: await reg.session(reg.userIds.adele) };
});
after(async () => reg?.close());

test("every IAM change through the API has an event with the actor, the target and before/after", async () => {
  const adele = { kind: "user", id: reg.userIds.adele, name: "Adele Vance" };
  const group = await expectStatus(201, "POST", "/api/iam/groups", {
    as: admin,
    body: { name: "auditors", permissions: ["audit:read"] },
  });
  await expectStatus(200, "PATCH", "/api/iam/groups/{name}", {
    as: admin,
    params: { name: "auditors" },
    body: { description: "Read the audit log." },
  });
  const account = await expectStatus(201, "POST", "/api/iam/m2m-accounts", {
    as: admin,
    body: { tenantId: DEMO.tenant, clientId: DEMO.apps.unlinked, name: "agent", groups: [] },
  });
  await expectStatus(200, "PATCH", "/api/iam/m2m-accounts/{id}", {
    as: admin,
    params: { id: account.json.id },
    body: { groups: ["auditors"] },
  });
  await expectStatus(200, "PATCH", "/api/iam/users/{id}", {
    as: admin,
    params: { id: reg.userIds.alex },
    body: { groups: ["auditors"] },
  });
  const user = await expectStatus(201, "POST", "/api/iam/users", {
    as: admin,
    body: { tenantId: DEMO.tenant, objectId: "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", displayName: "Lee Gu" },
  });
  await expectStatus(204, "DELETE", "/api/iam/m2m-accounts/{id}", { as: admin, params: { id: account.json.id } });
  await expectStatus(204, "DELETE", "/api/iam/groups/{name}", { as: admin, params: { name: "auditors" } });

  const expected: [string, string, "before" | "after" | "both", (e: AuditEvent) => void][] = [
    ["group.create", group.json.id, "after", (e) => assert.deepEqual(e.after!.permissions, ["audit:read"])],
    [
      "group.update",
      group.json.id,
      "both",
      (e) => assert.deepEqual([e.before!.description, e.after!.description], ["", "Read the audit log."]),
    ],
    ["m2m-account.create", account.json.id, "after", (e) => assert.equal(e.after!.clientId, DEMO.apps.unlinked)],
    [
      "m2m-account.update",
      account.json.id,
      "both",
      (e) => assert.deepEqual([e.before!.groups, e.after!.groups], [[], ["auditors"]]),
    ],
    [
      "user.update",
      reg.userIds.alex,
      "both",
      (e) => assert.deepEqual([e.before!.groups, e.after!.groups], [[], ["auditors"]]),
    ],
    ["user.create", user.json.id, "after", (e) => assert.equal(e.after!.displayName, "Lee Gu")],
    ["m2m-account.delete", account.json.id, "before", (e) => assert.deepEqual(e.before!.groups, ["auditors"])],
    ["group.delete", group.json.id, "before", (e) => assert.equal(e.before!.description, "Read the audit log.")],
  ];
  for (const [action, targetId, sides, check] of expected) {
    const found = await events({ action, target: targetId });
    assert.equal(found.length, 1, `${action} on ${targetId}: ${found.length} events`);
    const event = found[0]!;
    assert.deepEqual(event.actor, adele);
    assert.equal(event.outcome, "success");
    assert.equal(event.target.id, targetId);
    assert.ok(event.requestId);
    if (sides !== "after") assert.ok(event.before, `${action} has before`);
    if (sides !== "before") assert.ok(event.after, `${action} has after`);
    check(event);
  }
});

test("an M2M admin's change names the M2M account as the actor", async () => {
  const m2m = { bearer: reg.appToken(DEMO.apps.bootstrapAdmin) };
  await expectStatus(200, "PATCH", "/api/iam/m2m-accounts/{id}", {
    as: m2m,
    params: { id: reg.accountIds.catalogSync },
    body: { description: "Edited by automation." },
  });
  const [event] = await events({ action: "m2m-account.update", target: reg.accountIds.catalogSync });
  assert.deepEqual(event!.actor, { kind: "m2m", id: reg.accountIds.bootstrapAdmin, name: "bootstrap 0c8e1f0a" });
});

test("token lifecycle events never hold the secret", async () => {
  const created = await expectStatus(201, "POST", "/api/tokens", { as: admin, body: { name: "audited" } });
  const rotated = await expectStatus(200, "POST", "/api/tokens/{id}/rotate", {
    as: admin,
    params: { id: created.json.id },
    body: { graceHours: 0 },
  });
  await expectStatus(204, "DELETE", "/api/tokens/{id}", { as: admin, params: { id: created.json.id } });
  const found = await events({ action: "token.", target: created.json.id });
  assert.deepEqual(found.map((event) => event.action).sort(), ["token.create", "token.revoke", "token.rotate"]);
  const text = JSON.stringify(found);
  for (const secret of [created.json.token, rotated.json.token]) assert.ok(!text.includes(secret));
});

test("disabling and enabling are their own actions, for users, M2M accounts and servers", async () => {
  const targets: { family: string; path: string; params: Record<string, string>; target: string }[] = [
    { family: "user", path: "/api/iam/users/{id}", params: { id: reg.userIds.megan }, target: reg.userIds.megan },
    {
      family: "m2m-account",
      path: "/api/iam/m2m-accounts/{id}",
      params: { id: reg.accountIds.catalogSync },
      target: reg.accountIds.catalogSync,
    },
    { family: "server", path: "/api/servers/{slug}", params: { slug: "jira" }, target: "jira" },
  ];
  for (const { family, path, params, target } of targets) {
    const { enabled } = (await expectStatus(200, "GET", path, { as: admin, params })).json;
    await expectStatus(200, "PATCH", path, { as: admin, params, body: { enabled: !enabled } });
    await expectStatus(200, "PATCH", path, { as: admin, params, body: { enabled } });
    const found = (await events({ action: `${family}.` })).filter(
      (e) => e.target.id === target || e.target.name === target,
    );
    const expected = enabled ? [`${family}.enable`, `${family}.disable`] : [`${family}.disable`, `${family}.enable`];
    assert.deepEqual(
      found.slice(0, 2).map((e) => e.action),
      expected,
      family,
    );
    assert.deepEqual([found[0]!.before!.enabled, found[0]!.after!.enabled], [!enabled, enabled]);
  }
  // A change that leaves the state alone is still an update.
  await expectStatus(200, "PATCH", "/api/servers/{slug}", {
    as: admin,
    params: { slug: "jira" },
    body: { description: "Issues." },
  });
  assert.equal((await events({ action: "server.", target: "jira" }))[0]!.action, "server.update");
});

test("a refused app whose token verifies is named in the audit log, not anonymous", async () => {
  const unlinked = assertError(
    await call("GET", "/api/servers", { as: { bearer: reg.appToken(DEMO.apps.unlinked) } }),
    403,
    "client_not_registered",
  );
  await expectStatus(200, "PATCH", "/api/iam/m2m-accounts/{id}", {
    as: admin,
    params: { id: reg.accountIds.payments },
    body: { enabled: false },
  });
  const disabled = assertError(
    await call("GET", "/api/servers", { as: { bearer: reg.appToken(DEMO.apps.payments) } }),
    403,
    "client_not_registered",
  );
  await expectStatus(200, "PATCH", "/api/iam/m2m-accounts/{id}", {
    as: admin,
    params: { id: reg.accountIds.payments },
    body: { enabled: true },
  });
  const denied = await events({ action: "auth.denied" });
  const byRequest = (requestId: string) => denied.find((e) => e.requestId === requestId);
  assert.deepEqual(byRequest(unlinked.requestId)?.actor, {
    kind: "app",
    id: `${DEMO.tenant}/${DEMO.apps.unlinked}`,
    name: `Entra app ${DEMO.apps.unlinked}`,
  });
  assert.deepEqual(byRequest(disabled.requestId)?.actor, {
    kind: "m2m",
    id: reg.accountIds.payments,
    name: "payments-ci-pipeline",
  });
  // The actor filter finds the refusals by the app's ids.
  assert.ok(
    (await events({ actor: `${DEMO.tenant}/${DEMO.apps.unlinked}` })).some((e) => e.requestId === unlinked.requestId),
  );
});

test("every 401 has an auth.failed event with a token fingerprint, never the token", async () => {
  const now = Math.floor(Date.now() / 1000);
  const revoked = await expectStatus(201, "POST", "/api/tokens", { as: admin, body: { name: "to revoke" } });
  await expectStatus(204, "DELETE", "/api/tokens/{id}", { as: admin, params: { id: revoked.json.id } });
  const bad = [
    `mcpr_${randomBytes(32).toString("base64url")}`,
    revoked.json.token,
    reg.appToken(DEMO.apps.payments, { iat: now - 7200, nbf: now - 7200, exp: now - 3600 }),
    reg.appToken(DEMO.apps.payments, { aud: "api://someone-else" }),
    "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJodHRwczovL2V2aWwuZXhhbXBsZSJ9.c2ln",
  ];
  const requestIds = new Map<string, string>();
  for (const token of bad) {
    const refused = assertError(await call("GET", "/api/servers", { as: { bearer: token } }), 401, "invalid_token", [
      token,
    ]);
    requestIds.set(refused.requestId, token);
  }
  const noCredential = assertError(await call("GET", "/api/me"), 401, "unauthorized");
  const staleSession = "s".repeat(43);
  const session = assertError(await call("GET", "/api/me", { as: { session: staleSession } }), 401, "unauthorized", [
    staleSession,
  ]);

  const failed = await events({ action: "auth.failed" });
  const text = JSON.stringify(failed);
  for (const [requestId, token] of requestIds) {
    const event = failed.find((e) => e.requestId === requestId);
    assert.ok(event, `no auth.failed event for ${requestId}`);
    assert.equal(event.outcome, "denied");
    assert.equal(event.tokenFingerprint, tokenFingerprint(token));
    assert.ok(event.tokenFingerprint!.length >= 8 && !token.includes(event.tokenFingerprint!));
    assert.match(event.reason ?? "", /^invalid_token: /);
    assert.deepEqual(event.target, { type: "route", id: null, name: "GET /api/servers" });
    assert.ok(!text.includes(token), "the audit log holds a token");
  }
  assert.equal(
    new Set(failed.filter((e) => requestIds.has(e.requestId!)).map((e) => e.tokenFingerprint)).size,
    bad.length,
  );
  for (const requestId of [noCredential.requestId, session.requestId]) {
    const event = failed.find((e) => e.requestId === requestId);
    assert.ok(event, `no auth.failed event for ${requestId}`);
    assert.match(event.reason ?? "", /^unauthorized: /);
  }
  assert.ok(!text.includes(staleSession));
});

test("403s are audited as auth.denied with the principal", async () => {
  const payments = { bearer: reg.appToken(DEMO.apps.payments) };
  const refused = assertError(await call("GET", "/api/audit", { as: payments }), 403, "forbidden");
  const [event] = (await events({ action: "auth.denied" })).filter((e) => e.requestId === refused.requestId);
  assert.ok(event);
  assert.deepEqual(event.actor, { kind: "m2m", id: reg.accountIds.payments, name: "payments-ci-pipeline" });
  assert.match(event.reason ?? "", /audit:read/);
});

test("filters by actor, action prefix, target and time; pages newest first", async () => {
  const all = await events({ actor: reg.userIds.adele });
  assert.ok(all.length >= 8);
  assert.ok(all.every((e) => e.actor.id === reg.userIds.adele));
  const byName = await events({ actor: "Adele Vance" });
  assert.deepEqual(
    byName.map((e) => e.id),
    all.map((e) => e.id),
  );
  const groups = await events({ action: "group." });
  assert.ok(groups.length >= 3 && groups.every((e) => e.action.startsWith("group.")));
  for (let i = 1; i < all.length; i++) assert.ok(all[i - 1]!.at >= all[i]!.at, "newest first");
  assert.deepEqual(await events({ actor: reg.userIds.adele, from: new Date(Date.now() + 60_000).toISOString() }), []);
  assert.equal(
    (await events({ actor: reg.userIds.adele, to: new Date(Date.now() + 60_000).toISOString() })).length,
    all.length,
  );

  const paged: string[] = [];
  let cursor: string | null = null;
  do {
    const page: { json: { items: AuditEvent[]; nextCursor: string | null } } = await expectStatus(
      200,
      "GET",
      "/api/audit",
      { as: admin, query: { actor: reg.userIds.adele, limit: "3", ...(cursor ? { cursor } : {}) } },
    );
    paged.push(...page.json.items.map((e) => e.id));
    cursor = page.json.nextCursor;
  } while (cursor);
  assert.deepEqual(
    paged,
    all.map((e) => e.id),
  );
  assertError(await call("GET", "/api/audit", { as: admin, query: "?format=xml" }), 422, "validation_failed");
});

test("targetType narrows a target to one kind: a server's own events, newest first, apart from a group of the same name", async () => {
  const name = "activity-shared";
  await expectStatus(201, "POST", "/api/iam/groups", { as: admin, body: { name } });
  const server = await expectStatus(201, "POST", "/api/servers", {
    as: admin,
    body: { slug: name, name: "Activity", url: "https://activity.example.com/mcp" },
  });
  await expectStatus(200, "PATCH", "/api/servers/{slug}", {
    as: admin,
    params: { slug: name },
    body: { enabled: false },
  });
  await expectStatus(200, "PUT", "/api/servers/{slug}/tools", {
    as: admin,
    params: { slug: name },
    body: { tools: [{ name: "ping" }] },
  });

  assert.deepEqual((await events({ target: name })).map((e) => e.target.type).sort(), [
    "group",
    "server",
    "server",
    "server",
  ]);
  const serverEvents = await events({ target: name, targetType: "server" });
  assert.deepEqual(
    serverEvents.map((e) => e.action),
    ["server.tools.replace", "server.disable", "server.create"],
  );
  assert.ok(serverEvents.every((e) => e.target.id === server.json.id));
  assert.deepEqual(serverEvents[1]!.before?.enabled, true);
  assert.deepEqual(serverEvents[1]!.after?.enabled, false);
  assert.deepEqual(
    (await events({ target: server.json.id, targetType: "server" })).map((e) => e.id),
    serverEvents.map((e) => e.id),
  );
  assert.deepEqual(
    (await events({ target: name, targetType: "group" })).map((e) => e.action),
    ["group.create"],
  );
  assert.deepEqual(await events({ target: server.json.id, targetType: "group" }), []);
  assertError(
    await call("GET", "/api/audit", { as: admin, query: `?targetType=${"x".repeat(51)}` }),
    422,
    "validation_failed",
  );

  await expectStatus(204, "DELETE", "/api/servers/{slug}", { as: admin, params: { slug: name } });
  await expectStatus(204, "DELETE", "/api/iam/groups/{name}", { as: admin, params: { name } });
});

test("CSV export: a header row and one row per event (JSON lines too)", async () => {
  const json = await events({ actor: reg.userIds.adele });
  const csv = await expectStatus(200, "GET", "/api/audit", {
    as: admin,
    query: { actor: reg.userIds.adele, format: "csv", limit: "200" },
  });
  assert.match(csv.headers.get("content-type") ?? "", /^text\/csv/);
  assert.match(csv.headers.get("content-disposition") ?? "", /attachment; filename="audit\.csv"/);
  assert.equal(csv.headers.get("cache-control"), "no-store");
  const lines = csv.text.trimEnd().split("\n");
  assert.equal(
    lines[0],
    "at,actorKind,actorId,actorName,action,outcome,targetType,targetId,targetName,reason,tokenFingerprint,requestId",
  );
  assert.equal(lines.length, json.length + 1);
  assert.ok(lines.slice(1).every((line) => line.includes(reg.userIds.adele)));
  const empty = await expectStatus(200, "GET", "/api/audit", {
    as: admin,
    query: { actor: "nobody-at-all", format: "csv" },
  });
  assert.equal(empty.text.trimEnd().split("\n").length, 1, "an empty export still has its header");
  const jsonl = await expectStatus(200, "GET", "/api/audit", {
    as: admin,
    query: { actor: reg.userIds.adele, format: "jsonl", limit: "200" },
  });
  assert.equal(jsonl.text.trimEnd().split("\n").length, json.length);
});
