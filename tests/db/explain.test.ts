import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { getConfig } from "@/lib/config";
import { dbReady, getDb } from "@/lib/db";
import { ensureBuiltIns } from "@/lib/iam/ensure-built-ins";
import { explain } from "@/lib/iam/explain/explain";
import { loadAccess } from "@/lib/access/load-access";
import { loadUserGroups } from "@/lib/auth/principal-groups";
import type { Principal } from "@/lib/auth/principal";
import { createToken } from "@/lib/tokens/create-token";
import { seedDemo } from "@/prisma/seed/seed-demo";
import { userContext } from "../support/operation-context";
import { useTestRegistry } from "../support/registry-env";

let registry: Awaited<ReturnType<typeof useTestRegistry>>;
/** Someone who may use the Access Explorer (iam:read) and sees no server themselves. */
const reader = () => userContext(getDb(), [{ name: "iam-readers", permissions: ["iam:read"], serverAccess: [] }]);

before(async () => {
  registry = await useTestRegistry();
  await dbReady();
  const ctx = { principal: null, requestId: "test", system: true };
  await ensureBuiltIns(getDb(), getConfig(), ctx);
  await seedDemo(getDb(), ctx);
});
after(async () => registry.close());

test("view as an M2M account: exactly its group's servers and tools, each with rule ← group ← assignment", async () => {
  const db = getDb();
  const account = await db.m2mAccount.findFirstOrThrow({ where: { name: "payments-ci-pipeline" } });
  const result = await explain(reader(), { m2mAccountId: account.id });
  assert.equal(result.verdict.allowed, true);
  assert.deepEqual(
    result.access!.servers.map((s) => s.slug),
    ["github", "sentry", "stripe-payments"],
  );
  const github = result.access!.servers.find((s) => s.slug === "github")!;
  assert.deepEqual(github.tools, ["get_pull_request", "search_issues"]);
  assert.deepEqual(github.reasons, [{ group: "team-payments", rule: 1, via: [{ kind: "assignment" }] }]);
  assert.deepEqual(result.access!.permissions, [{ permission: "tokens:create", groups: ["team-payments"] }]);
});

test("view as a disabled user: refused, with the reason", async () => {
  const db = getDb();
  const megan = await db.user.findFirstOrThrow({ where: { displayName: "Megan Bowen" } });
  const result = await explain(reader(), { userId: megan.id });
  assert.equal(result.verdict.allowed, false);
  assert.match(result.verdict.steps[0]!.detail, /disabled/);
});

test("view as a group: the read-only group sees every enabled server, no disabled one", async () => {
  const result = await explain(reader(), { groupName: "catalog-readers" });
  const slugs = result.access!.servers.map((s) => s.slug);
  assert.ok(slugs.length >= 8);
  assert.ok(!slugs.includes("kubernetes-prod"));
  assert.ok(
    result.access!.servers.every(
      (s) => s.tools === "*" && Array.isArray(s.methods) && !s.methods.includes("tools/call"),
    ),
  );
});

test("a pasted garbage token fails at the form step with the exact reason", async () => {
  const result = await explain(reader(), { token: "not-a-token" });
  assert.equal(result.verdict.allowed, false);
  assert.equal(result.verdict.steps[0]!.step, "form");
  assert.match(result.verdict.steps[0]!.detail, /invalid_token/);
  const registryToken = await explain(reader(), { token: `mcpr_${"A".repeat(43)}` });
  assert.match(registryToken.verdict.steps[1]!.detail, /401 invalid_token: registry token: unknown/);
});

test("view as a pasted registry token: only the permissions it carries, narrowed by its server restriction", async () => {
  const db = getDb();
  const adele = await db.user.findFirstOrThrow({ where: { displayName: "Adele Vance" } });
  const principal: Principal = {
    kind: "user",
    id: adele.id,
    userId: adele.id,
    displayName: adele.displayName,
    via: "session",
    groups: await loadUserGroups(db, adele),
  };
  const ctx = { db, principal, access: await loadAccess(db, principal), requestId: "test" };
  const plain = await createToken(ctx, { name: "explain plain", expiresInHours: 1 });
  const plainResult = await explain(reader(), { token: plain.token });
  assert.deepEqual(plainResult.access!.permissions, []);
  assert.match(plainResult.verdict.steps[1]!.detail, /permissions carried: none/);

  const restricted = await createToken(ctx, {
    name: "explain restricted",
    expiresInHours: 1,
    servers: ["github"],
    permissions: ["servers:write"],
  });
  // Written outside the registry: a restriction paired with IAM permissions still yields none of them.
  await db.apiToken.update({
    where: { id: restricted.id },
    data: { permissions: ["servers:write", "iam:read", "audit:read"] },
  });
  const result = await explain(reader(), { token: restricted.token });
  assert.deepEqual(
    result.access!.permissions.map((p) => p.permission),
    ["servers:write"],
  );
  assert.deepEqual(
    result.access!.servers.map((s) => s.slug),
    ["github"],
  );
});

test("can an M2M account call a tool: yes with the chain, no with the missing link, no when the account is disabled", async () => {
  const db = getDb();
  const account = await db.m2mAccount.findFirstOrThrow({ where: { name: "payments-ci-pipeline" } });
  const yes = await explain(reader(), { m2mAccountId: account.id, server: "github", tool: "search_issues" });
  assert.equal(yes.call!.allowed, true);
  assert.deepEqual(
    yes.call!.checks.at(-1)!.grants.map((g) => [g.group, g.ruleServer, g.via]),
    [["team-payments", "github", [{ kind: "assignment" }]]],
  );
  const no = await explain(reader(), { m2mAccountId: account.id, server: "github", tool: "merge_pull_request" });
  assert.equal(no.call!.allowed, false);
  assert.equal(no.call!.checks.at(-1)!.check, "tool");
  const absent = await explain(reader(), { m2mAccountId: account.id, server: "no-such-server", method: "tools/list" });
  assert.match(absent.call!.checks.at(-1)!.detail, /no server no-such-server/);
  // Without a question the answer carries no call.
  assert.equal((await explain(reader(), { m2mAccountId: account.id })).call, null);

  await db.m2mAccount.update({ where: { id: account.id }, data: { enabled: false } });
  try {
    const disabled = await explain(reader(), { m2mAccountId: account.id, server: "github", tool: "search_issues" });
    assert.equal(disabled.call!.allowed, false);
    assert.deepEqual(
      disabled.call!.checks.map((c) => [c.check, c.ok]),
      [["subject", false]],
    );
    assert.match(disabled.call!.checks[0]!.detail, /disabled/);
  } finally {
    await db.m2mAccount.update({ where: { id: account.id }, data: { enabled: true } });
  }
});

test("can a group use a disabled server: no, and the answer says the server is disabled", async () => {
  const result = await explain(reader(), {
    groupName: "catalog-readers",
    server: "kubernetes-prod",
    method: "tools/list",
  });
  assert.equal(result.call!.allowed, false);
  assert.match(result.call!.checks.at(-1)!.detail, /disabled/);
});
