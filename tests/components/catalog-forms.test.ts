import assert from "node:assert/strict";
import { test } from "node:test";
import { summarizeChange } from "@/components/audit/change-summary";
import {
  editServerFormSchema,
  EMPTY_SERVER_DRAFT,
  newServerFormSchema,
  serverChanges,
  tagsError,
} from "@/components/servers/server-draft";
import { EMPTY_TOOL_DRAFT, toolFormSchema } from "@/components/servers/tool-draft";
import { checkToolImport, toolImportFormSchema } from "@/components/servers/tool-import-diff";
import { parseJsonText } from "@/components/ui/parse-json-text";

test("parseJsonText says on which line and column the JSON is wrong", () => {
  assert.deepEqual(parseJsonText('{ "type": "object" }'), { ok: true, value: { type: "object" } });
  const cases: [string, string][] = [
    ['{\n  "a": 1,\n}', 'Line 3, column 1: unexpected "}"'],
    ["[1,]", 'Line 1, column 4: unexpected "]"'],
    ['{\n  "b" 2\n}', 'Line 2, column 7: unexpected "2"'],
    ['{ "a": [1, 2', 'Line 1, column 13: the text ends too early (a missing }, ] or "?)'],
    ["{'a': 1}", 'Line 1, column 2: unexpected "\'"'],
    ['{"a": 1} x', 'Line 1, column 10: unexpected "x"'],
  ];
  for (const [text, message] of cases) {
    const result = parseJsonText(text);
    assert.equal(result.ok, false, text);
    assert.equal(!result.ok && result.message, message, text);
  }
  assert.equal(parseJsonText("  ").ok, false);
});

/** The first message per path, as the form shows them ("tags.1" → the second tag). */
function issues(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  const byPath: Record<string, string> = {};
  for (const issue of result.error?.issues ?? []) byPath[issue.path.map(String).join(".")] ??= issue.message;
  return byPath;
}

test("the server form uses the API's schema: field errors, a named bad tag, and only changed fields on edit", () => {
  const empty = newServerFormSchema.safeParse(EMPTY_SERVER_DRAFT);
  assert.equal(empty.success, false);
  assert.deepEqual(Object.keys(issues(empty)).sort(), ["name", "slug", "url"]);
  const draft = { ...EMPTY_SERVER_DRAFT, slug: "docs", name: "Docs", url: "ftp://x", tags: "docs, Bad" };
  const bad = issues(newServerFormSchema.safeParse(draft));
  assert.equal(bad.url, "url must use http or https");
  assert.equal(tagsError(draft.tags, 1, bad["tags.1"]), "“Bad”: tags are lowercase words with hyphens");
  const good = newServerFormSchema.safeParse({
    ...EMPTY_SERVER_DRAFT,
    slug: "docs",
    name: " Docs ",
    url: "https://docs.example.com/mcp",
    tags: "docs,  search",
  });
  assert.ok(good.success);
  assert.deepEqual([good.data.name, good.data.tags], ["Docs", ["docs", "search"]]);

  const initial = {
    ...EMPTY_SERVER_DRAFT,
    slug: "docs",
    name: "Docs",
    url: "https://docs.example.com/mcp",
    tags: "docs, search",
  };
  const edit = editServerFormSchema.parse({ ...initial, name: "Docs v2", tags: "docs,search" });
  assert.deepEqual(serverChanges(initial, edit), { name: "Docs v2" });
  assert.equal(issues(editServerFormSchema.safeParse({ ...initial, name: "" })).name, "Name is required");
});

test("a tool's input schema must be a JSON object, and its name unique on the server", () => {
  assert.ok(toolFormSchema([]).safeParse({ ...EMPTY_TOOL_DRAFT, name: "ping" }).success);
  assert.match(
    issues(toolFormSchema([]).safeParse({ ...EMPTY_TOOL_DRAFT, name: "ping", inputSchema: '{ "type": }' }))
      .inputSchema ?? "",
    /^Input schema is not valid JSON\. Line 1, column 11/,
  );
  assert.match(
    issues(toolFormSchema([]).safeParse({ ...EMPTY_TOOL_DRAFT, name: "ping", inputSchema: "[]" })).inputSchema ?? "",
    /must be a JSON object/,
  );
  assert.equal(
    issues(toolFormSchema(["ping"]).safeParse({ ...EMPTY_TOOL_DRAFT, name: "ping" })).name,
    "A tool named ping already exists on this server.",
  );
});

test("a tool import is previewed as added, changed, removed and unchanged, and a bad entry is named", () => {
  const current = [
    { name: "a", description: "", inputSchema: { type: "object" } },
    { name: "b", description: "old", inputSchema: { type: "object" } },
    { name: "c", description: "", inputSchema: { type: "object" } },
  ];
  const result = checkToolImport({ tools: [{ name: "a" }, { name: "b", description: "new" }, { name: "d" }] }, current);
  assert.ok(result.ok);
  assert.deepEqual(result.ok && result.diff, { added: ["d"], changed: ["b"], removed: ["c"], unchanged: 1 });
  assert.deepEqual(checkToolImport([{ name: "x y" }], current), {
    ok: false,
    message: "Tool 1 (x y), field name: tool names use letters, digits, _ . - /",
  });
  assert.deepEqual(checkToolImport([{ name: "a" }, { name: "a" }], current), {
    ok: false,
    message: "tool names must be unique",
  });
  assert.equal(checkToolImport({ name: "a" }, current).ok, false);
  // The dialog's field parses the text as every JSON text field does (jsonTextSchema), then checks it.
  const form = toolImportFormSchema(current);
  const broken = form.safeParse({ tools: "[" });
  assert.ok(!broken.success);
  assert.match(broken.error.issues[0]!.message, /^Not valid JSON\. Line 1, column 2/);
  const pasted = form.safeParse({ tools: '[{ "name": "d" }]' });
  assert.ok(pasted.success);
  assert.deepEqual(pasted.data.tools.diff, { added: ["d"], changed: [], removed: ["a", "b", "c"], unchanged: 0 });
});

test("an audit change summary names each changed field, ignoring bookkeeping", () => {
  assert.deepEqual(
    summarizeChange({ enabled: true, updatedAt: "1", tags: ["a"] }, { enabled: false, updatedAt: "2", tags: ["b"] }),
    ["enabled: true → false", "tags: +b −a"],
  );
  assert.deepEqual(summarizeChange(null, { slug: "x" }), ["created"]);
  assert.deepEqual(summarizeChange({ slug: "x" }, null), ["deleted"]);
  assert.deepEqual(summarizeChange(null, null), []);
});
