import assert from "node:assert/strict";
import { test } from "node:test";
import { computeEffectiveAccess, type GroupGrants } from "@/lib/access/effective-access";
import type { PrincipalGroup } from "@/lib/auth/principal";
import { explainCall, type CallFacts } from "@/lib/iam/explain/explain-call";

const member = (id: string, via: PrincipalGroup["reasons"] = [{ kind: "assignment" }]): PrincipalGroup => ({
  id,
  name: id,
  reasons: via,
});
const group = (id: string, serverAccess: GroupGrants["serverAccess"], permissions: string[] = []): GroupGrants => ({
  id,
  name: id,
  permissions,
  serverAccess,
});

function facts(groups: PrincipalGroup[], definitions: GroupGrants[], overrides: Partial<CallFacts> = {}): CallFacts {
  return {
    access: computeEffectiveAccess(groups, definitions),
    groups,
    definitions,
    server: { slug: "github", enabled: true },
    toolKnown: true,
    subject: { ok: true, detail: "let in" },
    ...overrides,
  };
}

const payments = [member("payments", [{ kind: "entraGroup", value: "g-1" } as never])];
const paymentsRules = [
  group("payments", [
    { server: "github", methods: ["tools/list", "tools/call"], tools: ["search_issues"] },
    { server: "*", methods: ["resources/list"], tools: [] },
  ]),
];

test("allowed: the chain names the rule and group granting the method and the tool, with how the principal got the group", () => {
  const answer = explainCall(facts(payments, paymentsRules), { server: "github", tool: "search_issues" });
  assert.equal(answer.allowed, true);
  assert.equal(answer.method, "tools/call");
  assert.deepEqual(
    answer.checks.map((c) => [c.check, c.ok]),
    [
      ["subject", true],
      ["server", true],
      ["method", true],
      ["tool", true],
    ],
  );
  const tool = answer.checks.find((c) => c.check === "tool")!;
  assert.deepEqual(tool.grants, [
    { group: "payments", rule: 0, ruleServer: "github", via: [{ kind: "entraGroup", value: "g-1" }] },
  ]);
});

test("a tool not listed in any rule: refused at the tool step, naming what is listed", () => {
  const answer = explainCall(facts(payments, paymentsRules), { server: "github", tool: "delete_repo" });
  assert.equal(answer.allowed, false);
  const last = answer.checks.at(-1)!;
  assert.equal(last.check, "tool");
  assert.match(last.detail, /delete_repo is not listed.*listed: search_issues/);
});

test("a method not granted: refused at the method step before the tool is considered", () => {
  const answer = explainCall(facts(payments, paymentsRules), { server: "github", method: "prompts/get" });
  assert.equal(answer.allowed, false);
  assert.deepEqual(
    answer.checks.map((c) => c.check),
    ["subject", "server", "method"],
  );
  assert.match(
    answer.checks.at(-1)!.detail,
    /prompts\/get is not granted.*granted: resources\/list, tools\/call, tools\/list/,
  );
});

test("a wildcard-server rule grants its method everywhere, and the chain says it came from the * rule", () => {
  const answer = explainCall(facts(payments, paymentsRules, { server: { slug: "sentry", enabled: true } }), {
    server: "sentry",
    method: "resources/list",
  });
  assert.equal(answer.allowed, true);
  assert.deepEqual(answer.checks.at(-1)!.grants, [
    { group: "payments", rule: 1, ruleServer: "*", via: [{ kind: "entraGroup", value: "g-1" }] },
  ]);
});

test("no rule for the server; no such server; the server disabled; the subject disabled", () => {
  const onlyGithub = [group("payments", [{ server: "github", methods: ["*"], tools: ["*"] }])];
  const noRule = explainCall(facts(payments, onlyGithub, { server: { slug: "stripe", enabled: true } }), {
    server: "stripe",
    tool: "charge",
  });
  assert.equal(noRule.allowed, false);
  assert.match(noRule.checks.at(-1)!.detail, /no rule for server stripe/);

  const missing = explainCall(facts(payments, onlyGithub, { server: null }), { server: "ghost", tool: "x" });
  assert.match(missing.checks.at(-1)!.detail, /no server ghost in the catalog/);

  const disabled = explainCall(facts(payments, onlyGithub, { server: { slug: "github", enabled: false } }), {
    server: "github",
    tool: "x",
  });
  assert.equal(disabled.allowed, false);
  assert.match(disabled.checks.at(-1)!.detail, /disabled/);

  const account = explainCall(
    facts(payments, onlyGithub, { subject: { ok: false, detail: "M2M account enabled: disabled" } }),
    { server: "github", tool: "x" },
  );
  assert.equal(account.allowed, false);
  assert.deepEqual(
    account.checks.map((c) => [c.check, c.ok]),
    [["subject", false]],
  );
});

test("lifecycle methods pass on any visible server without a rule naming them; no groups at all sees nothing", () => {
  const ping = explainCall(facts(payments, paymentsRules), { server: "github", method: "ping" });
  assert.equal(ping.allowed, true);
  assert.match(ping.checks.at(-1)!.detail, /lifecycle/);
  const nobody = explainCall(facts([], []), { server: "github", method: "ping" });
  assert.equal(nobody.allowed, false);
  assert.match(nobody.checks.at(-1)!.detail, /groups: none/);
});

test("an empty tools list grants no tool (fail closed); a wildcard tools list grants any, noting an unknown name", () => {
  const empty = [group("g", [{ server: "github", methods: ["tools/call"], tools: [] }])];
  assert.equal(explainCall(facts([member("g")], empty), { server: "github", tool: "search_issues" }).allowed, false);
  const any = [group("g", [{ server: "github", methods: ["tools/call"], tools: ["*"] }])];
  const answer = explainCall(facts([member("g")], any, { toolKnown: false }), { server: "github", tool: "typo_tool" });
  assert.equal(answer.allowed, true);
  assert.match(answer.checks.at(-1)!.detail, /lists no tool named typo_tool/);
});

test("a catalog manager (servers:write) sees a disabled server and every tool, but still needs a rule to call", () => {
  const admins = [group("admins", [], ["servers:write"])];
  const f = facts([member("admins")], admins, { server: { slug: "github", enabled: false } });
  const list = explainCall(f, { server: "github", method: "initialize" });
  assert.equal(list.allowed, true);
  assert.deepEqual(
    list.checks[1]!.grants.map((g) => g.group),
    ["admins"],
  );
  const call = explainCall(f, { server: "github", tool: "search_issues" });
  assert.equal(call.allowed, false);
  assert.equal(call.checks.at(-1)!.check, "method");
});
