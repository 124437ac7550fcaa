import assert from "node:assert/strict";
import { test } from "node:test";
import { describeToken } from "@/lib/tokens/describe-token";

test("no permissions: catalog reads through its groups, and it says there is nothing else", () => {
  assert.deepEqual(describeToken({ groups: ["team-payments"], servers: null, permissions: [] }), [
    "Reads the servers and tools its groups (team-payments) let you see.",
    "No other permissions.",
  ]);
});

test("chosen permissions are listed in a fixed order; a restriction names its servers everywhere it applies", () => {
  assert.deepEqual(
    describeToken({ groups: ["registry-admins"], servers: ["github", "slack"], permissions: ["servers:write"] }),
    [
      "Reads the servers and tools its groups (registry-admins) let you see, limited to servers: github, slack.",
      "Can register, edit and delete servers and their tools — only github, slack (servers:write).",
      "No other permissions.",
    ],
  );
  const lines = describeToken({ groups: ["registry-admins"], servers: [], permissions: ["audit:read", "iam:read"] });
  assert.deepEqual(lines.slice(1), [
    "Can view users, groups, M2M accounts and the Access Explorer (iam:read).",
    "Can read and export the audit log (audit:read).",
    "No other permissions.",
  ]);
});

test("no groups: it sees nothing", () => {
  assert.deepEqual(describeToken({ groups: [], servers: null, permissions: ["iam:read"] }), [
    "Sees nothing: choose at least one group.",
  ]);
});
