import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, test } from "node:test";
import { tokenFingerprint } from "@/lib/auth/token-fingerprint";
import { DEMO, startApiRegistry, type ApiRegistry } from "../api/support/api-registry";
import { assertError, assertValidation } from "../api/support/assert-error";
import { call, expectStatus, type Credential } from "../api/support/call";
import { assertScimError, expectScim, scim } from "./support";

let reg: ApiRegistry;
let admin: Credential;

before(async () => {
  reg = await startApiRegistry();
  admin = { session: await reg.session(reg.userIds.adele) };
});
after(async () => reg?.close());

const mint = async (name: string) =>
  (await expectStatus(201, "POST", "/api/iam/provisioning-tokens", { as: admin, body: { name } })).json;

/** Captures every line written to stdout and stderr while `run` executes (log level debug). */
async function captureLogs(run: () => Promise<void>): Promise<string> {
  const lines: string[] = [];
  const originals = {
    out: process.stdout.write.bind(process.stdout),
    err: process.stderr.write.bind(process.stderr),
    level: process.env.REGISTRY_LOG_LEVEL,
  };
  const capture = (chunk: unknown) => (lines.push(String(chunk)), true);
  process.stdout.write = capture as typeof process.stdout.write;
  process.stderr.write = capture as typeof process.stderr.write;
  process.env.REGISTRY_LOG_LEVEL = "debug";
  try {
    await run();
  } finally {
    process.stdout.write = originals.out;
    process.stderr.write = originals.err;
    if (originals.level === undefined) delete process.env.REGISTRY_LOG_LEVEL;
    else process.env.REGISTRY_LOG_LEVEL = originals.level;
  }
  return lines.join("");
}

test("create: mcps_ + 256 bits shown once, stored as SHA-256 with a stub; list shows created, last used, revoked; audited", async () => {
  const created = await mint("Entra (contoso)");
  assert.match(created.secret, /^mcps_[A-Za-z0-9_-]{43}$/);
  assert.equal(created.stub, `mcps_…${created.secret.slice(-4)}`);
  assert.equal(created.tenantId, DEMO.tenant, "the first of ENTRA_TENANT_IDS");
  assert.deepEqual([created.lastUsedAt, created.revokedAt], [null, null]);
  const list = await expectStatus(200, "GET", "/api/iam/provisioning-tokens", { as: admin });
  assert.ok(!list.text.includes(created.secret) && !list.text.includes(created.secret.slice(5, 30)));
  const listed = list.json.items.find((item: { id: string }) => item.id === created.id);
  assert.equal(listed.secret, undefined);
  assert.equal(listed.createdBy, "Adele Vance");
  const row = await reg.db.provisioningToken.findUniqueOrThrow({ where: { id: created.id } });
  assert.ok(!JSON.stringify(row).includes(created.secret), "stored only as a hash");
  const event = await reg.db.auditEvent.findFirstOrThrow({
    where: { action: "provisioning-token.create", targetId: created.id },
  });
  assert.ok(!JSON.stringify(event).includes(created.secret));

  assertValidation(
    await call("POST", "/api/iam/provisioning-tokens", { as: admin, body: { name: "x", tenantId: DEMO.otherTenant } }),
    ["tenantId"],
  );
  assertValidation(await call("POST", "/api/iam/provisioning-tokens", { as: admin, body: { name: "" } }), ["name"]);
});

test("last used: written on use, at most once a minute", async () => {
  const { id, secret } = await mint("last used");
  await expectScim(200, "GET", "/ServiceProviderConfig", { secret });
  const first = (await reg.db.provisioningToken.findUniqueOrThrow({ where: { id } })).lastUsedAt;
  assert.ok(first && Date.now() - first.getTime() < 60_000);
  await expectScim(200, "GET", "/Users", { secret });
  assert.deepEqual((await reg.db.provisioningToken.findUniqueOrThrow({ where: { id } })).lastUsedAt, first);
  const listed = (await expectStatus(200, "GET", "/api/iam/provisioning-tokens", { as: admin })).json.items.find(
    (item: { id: string }) => item.id === id,
  );
  assert.equal(listed.lastUsedAt, first.toISOString());
});

test("SCIM accepts only a provisioning secret: none, wrong, revoked, sessions, API tokens and Entra tokens → 401", async () => {
  const { id, secret } = await mint("to revoke");
  await expectScim(200, "GET", "/Users", { secret });
  await expectStatus(204, "DELETE", "/api/iam/provisioning-tokens/{id}", { as: admin, params: { id } });
  const apiToken = (await expectStatus(201, "POST", "/api/tokens", { as: admin, body: { name: "api" } })).json.token;
  const session = (admin as { session: string }).session;
  const refused: [string, Parameters<typeof scim>[2]][] = [
    ["no credential", { secret: null }],
    ["revoked secret", { secret }],
    ["unknown secret", { secret: `mcps_${randomBytes(32).toString("base64url")}` }],
    ["malformed secret", { secret: "mcps_short" }],
    ["registry API token", { secret: apiToken }],
    ["Entra app token of an admin", { secret: reg.appToken(DEMO.apps.bootstrapAdmin) }],
    ["admin session cookie", { secret: null, headers: [["cookie", `registry_session=${session}`]] }],
  ];
  for (const [cause, options] of refused) {
    const answer = await scim("GET", "/Users", options);
    assert.equal(answer.status, 401, `${cause}: ${answer.text}`);
    assertScimError(answer, 401);
    assert.match(answer.headers.get("www-authenticate") ?? "", /^Bearer /, cause);
    if (options.secret) assert.ok(!answer.text.includes(options.secret), cause);
  }
  const revokedRow = await reg.db.provisioningToken.findUniqueOrThrow({ where: { id } });
  assert.ok(revokedRow.revokedAt);
  const event = await reg.db.auditEvent.findFirstOrThrow({
    where: { action: "auth.failed", tokenFingerprint: tokenFingerprint(secret) },
  });
  assert.equal(event.outcome, "denied");
});

test("the API never accepts a provisioning secret (401 invalid_token), and no log line or audit event contains one", async () => {
  const { secret } = await mint("not for the API");
  const revoked = await mint("revoked");
  await expectStatus(204, "DELETE", "/api/iam/provisioning-tokens/{id}", { as: admin, params: { id: revoked.id } });
  const logged = await captureLogs(async () => {
    for (const path of ["/api/me", "/api/servers", "/api/iam/users"])
      assertError(await call("GET", path, { as: { bearer: secret } }), 401, "invalid_token", [secret]);
    assertScimError(await scim("GET", "/Users", { secret: revoked.secret }), 401);
    await expectScim(200, "GET", "/Users", { secret });
  });
  assert.ok(logged.includes("provisioning secret outside /scim/v2"), "the exact reason is logged");
  for (const value of [secret, revoked.secret]) {
    assert.ok(!logged.includes(value) && !logged.includes(value.slice(5)), "a secret appeared in the log");
  }
  const events = JSON.stringify(await reg.db.auditEvent.findMany());
  assert.ok(!events.includes(secret) && !events.includes(revoked.secret));
});

test("revoking is iam:write: a user without it gets 403 and the secret keeps working", async () => {
  const { id, secret } = await mint("kept");
  const alex = { session: await reg.signIn(DEMO.users.alex, { groups: [DEMO.entraGroups.payments] }) };
  assertError(
    await call("DELETE", "/api/iam/provisioning-tokens/{id}", { as: alex, params: { id } }),
    403,
    "forbidden",
  );
  await expectScim(200, "GET", "/Users", { secret });
  await expectStatus(204, "DELETE", "/api/iam/provisioning-tokens/{id}", { as: admin, params: { id } });
  await expectStatus(204, "DELETE", "/api/iam/provisioning-tokens/{id}", { as: admin, params: { id } });
  assert.equal(
    await reg.db.auditEvent.count({ where: { action: "provisioning-token.revoke", targetId: id } }),
    1,
    "revoking twice records once",
  );
  assertScimError(await scim("GET", "/Users", { secret }), 401);
});
