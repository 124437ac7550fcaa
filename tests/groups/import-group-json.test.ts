import assert from "node:assert/strict";
import { test } from "node:test";
import type { GroupDraft } from "@/components/groups/group-draft";
import { groupImportFormSchema, importGroupJson } from "@/components/groups/group-json-import";

const current: GroupDraft = {
  name: "team-payments",
  description: "Payments engineering.",
  entraMappings: { groups: ["1b8a6496-4d8b-4429-a9cf-7bc3d64affa1"], appRoles: ["Payments.Read"] },
  serverAccess: [{ key: "k", server: "github", methods: ["tools/list"], tools: ["search_issues"] }],
  permissions: ["audit:read"],
};

test("parts the JSON leaves out keep the form's values, and the notes say what was imported", () => {
  const result = importGroupJson(
    { serverAccess: [{ server: "jira", methods: ["*"], tools: ["*"] }] },
    "team-payments",
    current,
  );
  assert.ok(result.ok);
  assert.equal(result.draft.description, "Payments engineering.");
  assert.deepEqual(
    [result.draft.entraMappings.groups, result.draft.entraMappings.appRoles, result.draft.permissions],
    [current.entraMappings.groups, current.entraMappings.appRoles, ["audit:read"]],
  );
  assert.deepEqual(
    result.draft.serverAccess.map(({ server, methods, tools }) => ({ server, methods, tools })),
    [{ server: "jira", methods: ["*"], tools: ["*"] }],
  );
  assert.deepEqual(result.notes, ["Imported serverAccess. Kept the form's description, entraMappings, permissions."]);
});

test("a part present in the JSON replaces the form's, even when empty", () => {
  const result = importGroupJson({ description: "", permissions: [] }, "team-payments", current);
  assert.ok(result.ok);
  assert.equal(result.draft.description, "");
  assert.deepEqual(result.draft.permissions, []);
  assert.equal(result.draft.serverAccess.length, 1);
});

test("a new group keeps its typed name unless the JSON names one; renaming an existing group is refused with a note", () => {
  const fresh = { ...current, name: "" };
  const unnamed = importGroupJson({ description: "From JSON." }, null, fresh);
  assert.ok(unnamed.ok);
  assert.equal(unnamed.draft.name, "");
  const named = importGroupJson({ name: "team-ops", description: "From JSON." }, null, fresh);
  assert.ok(named.ok);
  assert.equal(named.draft.name, "team-ops");
  assert.match(named.notes[0]!, /^Imported name, description\./);
  const renamed = importGroupJson({ name: "other", description: "x" }, "team-payments", current);
  assert.ok(renamed.ok);
  assert.equal(renamed.draft.name, "team-payments");
  assert.ok(renamed.notes.some((note) => note.includes('"other" was ignored')));
});

test("JSON with nothing to import, or invalid parts, changes nothing and says why", () => {
  const empty = importGroupJson({ id: "x", version: 3 }, "team-payments", current);
  assert.equal(empty.ok, false);
  const invalid = importGroupJson({ permissions: ["root"] }, "team-payments", current);
  assert.ok(!invalid.ok);
  assert.ok(invalid.errors.some((error) => error.startsWith("permissions.0")));
});

test("the import form's check says where the JSON is wrong, and lists what the group schema refuses", () => {
  const schema = groupImportFormSchema("team-payments", current);
  const broken = schema.safeParse({ json: '{ "description": "x", }' });
  assert.ok(!broken.success);
  // Worded as every JSON text field words it (jsonTextSchema).
  assert.equal(broken.error.issues[0]!.message, 'Not valid JSON. Line 1, column 23: unexpected "}"');
  const invalid = schema.safeParse({ json: JSON.stringify({ permissions: ["root", "audit:read", "also-bad"] }) });
  assert.ok(!invalid.success);
  const [title, ...lines] = invalid.error.issues[0]!.message.split("\n");
  assert.match(title!, /^The JSON does not describe a valid group/);
  assert.deepEqual(
    lines.map((line) => line.split(":")[0]),
    ["permissions.0", "permissions.2"],
  );
  const notAnObject = schema.safeParse({ json: "[1]" });
  assert.ok(!notAnObject.success);
  assert.match(notAnObject.error.issues[0]!.message, /^Paste one group/);
  const fine = schema.safeParse({ json: JSON.stringify({ description: "From JSON." }) });
  assert.ok(fine.success);
  assert.equal(fine.data.json.draft.description, "From JSON.");
});
