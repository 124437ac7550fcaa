import assert from "node:assert/strict";
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

test("POST /api/iam/explain with server + tool answers whether the call is allowed, with the grant chain", async () => {
  const yes = await expectStatus(200, "POST", "/api/iam/explain", {
    as: admin,
    body: { groupName: "team-payments", server: "github", tool: "search_issues" },
  });
  assert.equal(yes.json.call.allowed, true);
  assert.equal(yes.json.call.method, "tools/call");
  assert.deepEqual(
    yes.json.call.checks.map((c: { check: string }) => c.check),
    ["subject", "server", "method", "tool"],
  );
  assert.equal(yes.json.call.checks[3].grants[0].group, "team-payments");
  assert.ok(yes.json.access.servers.length > 0, "the effective access still comes with it");

  const no = await expectStatus(200, "POST", "/api/iam/explain", {
    as: admin,
    body: { groupName: "team-payments", server: "github", method: "prompts/get" },
  });
  assert.equal(no.json.call.allowed, false);
  assert.match(no.json.call.checks.at(-1).detail, /prompts\/get is not granted/);

  const plain = await expectStatus(200, "POST", "/api/iam/explain", {
    as: admin,
    body: { groupName: "team-payments" },
  });
  assert.equal(plain.json.call, null);
});

test("a tool or method without a server, a bad slug, or an unknown field → 422 naming the field", async () => {
  assertValidation(
    await call("POST", "/api/iam/explain", { as: admin, body: { groupName: "team-payments", tool: "search_issues" } }),
    ["server"],
  );
  assertValidation(
    await call("POST", "/api/iam/explain", { as: admin, body: { groupName: "team-payments", server: "Not A Slug" } }),
    ["server"],
  );
  assertValidation(
    await call("POST", "/api/iam/explain", {
      as: admin,
      body: { groupName: "team-payments", server: "github", method: "DROP TABLE" },
    }),
    ["method"],
  );
});

test("the M2M answer agrees with what the account's own token gets from the API", async () => {
  const account = (await expectStatus(200, "GET", "/api/iam/m2m-accounts", { as: admin, query: { q: "payments-ci" } }))
    .json.items[0];
  const answer = await expectStatus(200, "POST", "/api/iam/explain", {
    as: admin,
    body: { m2mAccountId: account.id, server: "github", tool: "get_pull_request" },
  });
  assert.equal(answer.json.call.allowed, true);
  const tools = await expectStatus(200, "GET", "/api/servers/{slug}/tools", {
    as: { bearer: reg.appToken(DEMO.apps.payments) },
    params: { slug: "github" },
  });
  assert.ok(tools.json.items.some((t: { name: string }) => t.name === "get_pull_request"));
});
