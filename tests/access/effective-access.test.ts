import assert from "node:assert/strict";
import { test } from "node:test";
import { toolWhere } from "@/lib/access/access-where";
import {
  canCallMethod,
  canSeeServer,
  canSeeTool,
  computeEffectiveAccess,
  grantFor,
  hasPermission,
  type GroupGrants,
} from "@/lib/access/effective-access";
import type { PrincipalGroup } from "@/lib/auth/principal";

const member = (id: string, name = id): PrincipalGroup => ({ id, name, reasons: [{ kind: "assignment" }] });
const group = (id: string, serverAccess: GroupGrants["serverAccess"], permissions: string[] = []): GroupGrants => ({
  id,
  name: id,
  permissions,
  serverAccess,
});

test("no groups: nothing visible, no permissions, and the tool filter matches nothing", () => {
  const access = computeEffectiveAccess([], []);
  assert.equal(canSeeServer(access, "github"), false);
  assert.equal(hasPermission(access, "iam:read"), false);
  assert.deepEqual(toolWhere(access, new Map()), { id: { in: [] } });
});

test("an empty or missing tools list grants the server but no tools (fail closed)", () => {
  const access = computeEffectiveAccess(
    [member("g")],
    [group("g", [{ server: "github", methods: ["tools/list"], tools: [] }])],
  );
  assert.equal(canSeeServer(access, "github"), true);
  assert.equal(canSeeTool(access, "github", "search_issues"), false);
});

test("wildcard server and tools; methods need a rule but lifecycle methods are always allowed", () => {
  const access = computeEffectiveAccess(
    [member("g")],
    [group("g", [{ server: "*", methods: ["tools/list"], tools: ["*"] }])],
  );
  assert.equal(canSeeServer(access, "anything"), true);
  assert.equal(canSeeTool(access, "anything", "x"), true);
  assert.equal(canCallMethod(access, "anything", "tools/list"), true);
  assert.equal(canCallMethod(access, "anything", "tools/call"), false);
  assert.equal(canCallMethod(access, "anything", "initialize"), true);
  assert.equal(canCallMethod(access, "anything", "ping"), true);
});

test("overlapping rules across groups are a union, with every reason kept", () => {
  const access = computeEffectiveAccess(
    [member("a"), member("b")],
    [
      group("a", [{ server: "github", methods: ["tools/list"], tools: ["search_issues"] }]),
      group("b", [
        { server: "github", methods: ["tools/call"], tools: ["create_issue"] },
        { server: "*", methods: [], tools: ["get_pull_request"] },
      ]),
    ],
  );
  const grant = grantFor(access, "github")!;
  assert.equal(grant.methods === "*" ? "*" : [...grant.methods].sort().join(), "tools/call,tools/list");
  assert.equal(
    grant.tools === "*" ? "*" : [...grant.tools].sort().join(),
    "create_issue,get_pull_request,search_issues",
  );
  assert.deepEqual(grant.reasons.map((r) => `${r.group}#${r.rule}`).sort(), ["a#0", "b#0", "b#1"]);
});

test("a disabled server is hidden unless the principal manages the catalog", () => {
  const viewer = computeEffectiveAccess([member("g")], [group("g", [{ server: "k8s", methods: ["*"], tools: ["*"] }])]);
  assert.equal(canSeeServer(viewer, "k8s", false), false);
  const manager = computeEffectiveAccess([member("m")], [group("m", [], ["servers:write"])]);
  assert.equal(canSeeServer(manager, "k8s", false), true);
  assert.equal(canSeeTool(manager, "k8s", "any"), true);
});

test("a group with only permissions grants permissions, never servers; unknown permissions are ignored", () => {
  const access = computeEffectiveAccess([member("g")], [group("g", [], ["iam:read", "bogus"])]);
  assert.equal(hasPermission(access, "iam:read"), true);
  assert.equal(access.permissions.size, 1);
  assert.equal(canSeeServer(access, "github"), false);
});

test("groups the principal is not in grant nothing", () => {
  const access = computeEffectiveAccess(
    [member("a")],
    [group("b", [{ server: "*", methods: ["*"], tools: ["*"] }], ["iam:write"])],
  );
  assert.equal(canSeeServer(access, "github"), false);
  assert.equal(hasPermission(access, "iam:write"), false);
});

test("a token's server restriction applies even to catalog managers", () => {
  const access = computeEffectiveAccess(
    [member("m")],
    [group("m", [{ server: "*", methods: ["*"], tools: ["*"] }], ["servers:write"])],
    { servers: ["github"], permissions: ["servers:write"] },
  );
  assert.equal(canSeeServer(access, "github"), true);
  assert.equal(canSeeServer(access, "slack"), false);
  assert.equal(canSeeTool(access, "slack", "post_message"), false);
});

test("the tool filter names servers by id, and drops servers that are not visible (absent from the id map)", () => {
  const access = computeEffectiveAccess(
    [member("g")],
    [
      group("g", [
        { server: "github", methods: ["*"], tools: ["search_issues"] },
        { server: "jira", methods: ["*"], tools: ["*"] },
        { server: "k8s", methods: ["*"], tools: ["*"] },
      ]),
    ],
  );
  // k8s is disabled, so the id lookup did not return it.
  const ids = new Map([
    ["github", "id-github"],
    ["jira", "id-jira"],
  ]);
  assert.deepEqual(toolWhere(access, ids), {
    OR: [{ serverId: "id-github", name: { in: ["search_issues"] } }, { serverId: { in: ["id-jira"] } }],
  });
  const manager = computeEffectiveAccess([member("m")], [group("m", [], ["servers:write"])], {
    servers: ["github"],
    permissions: ["servers:write"],
  });
  assert.deepEqual(toolWhere(manager, new Map([["github", "id-github"]])), { serverId: { in: ["id-github"] } });
});

const admin = () =>
  group(
    "admins",
    [{ server: "*", methods: ["*"], tools: ["*"] }],
    ["servers:write", "iam:read", "iam:write", "audit:read", "tokens:create"],
  );
const permissionsOf = (access: ReturnType<typeof computeEffectiveAccess>) => [...access.permissions.keys()].sort();

test("a token holds no permission by default: an admin's token reads the catalog its rules grant, nothing else", () => {
  const access = computeEffectiveAccess([member("admins")], [admin()], { servers: null, permissions: [] });
  assert.deepEqual(permissionsOf(access), []);
  assert.equal(access.managesCatalog, false);
  assert.equal(canSeeServer(access, "github"), true);
  assert.equal(canSeeServer(access, "k8s", false), false, "a disabled server needs servers:write");
});

test("a token's permissions = the ones it carries ∩ its groups' permissions; tokens:create and unknown values never", () => {
  const access = computeEffectiveAccess([member("admins")], [admin()], {
    servers: null,
    permissions: ["iam:read", "tokens:create", "bogus"],
  });
  assert.deepEqual(permissionsOf(access), ["iam:read"]);
  const viewer = computeEffectiveAccess([member("g")], [group("g", [], ["audit:read"])], {
    servers: null,
    permissions: ["iam:read", "audit:read"],
  });
  assert.deepEqual(permissionsOf(viewer), ["audit:read"], "a permission the groups no longer grant is gone");
});

test("a server-restricted token keeps only servers:write (scoped to its servers); IAM and audit permissions are dropped", () => {
  const access = computeEffectiveAccess([member("admins")], [admin()], {
    servers: ["github"],
    permissions: ["servers:write", "iam:read", "iam:write", "audit:read"],
  });
  assert.deepEqual(permissionsOf(access), ["servers:write"]);
  assert.equal(canSeeServer(access, "slack"), false);
});
