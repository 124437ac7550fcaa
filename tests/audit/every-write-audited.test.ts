import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { test } from "node:test";
import ts from "typescript";
import { forgedScopes, isAudited } from "./audited-scope";

/**
 * SPEC §10: every IAM change is in the audit log. lib/ changes registry state only through
 * `auditedChange` (lib/audit/audited-change.ts), which writes the change, its audit events and
 * the IAM generation bump in one transaction. This scan fails when a file writes with Prisma
 * any other way. A write must be on a `tx` whose nearest binding is an audited scope: the
 * callback parameter of `auditedChange(`, or a parameter typed `AuditedTx` (which only
 * `auditedChange` hands out; an object literal with `tx` and `record` anywhere else is
 * reported). No file may open transactions of its own; the files below are the exceptions,
 * each with the reason its writes are not IAM or catalog changes.
 */
const ALLOWED: Record<string, string> = {
  "lib/audit/audited-change.ts": "the helper itself: opens the transaction and bumps the IAM generation",
  "lib/audit/record-audit-event.ts": "writes the audit row for the helper (and for refusals, which change nothing)",
  "lib/auth/iam-generation.ts": "the IAM generation counter the helper bumps",
  "lib/auth/sessions.ts":
    "session rows: created at sign-in (the sign-in itself is audited by recordSignIn) and expired rows pruned on read",
  "lib/auth/touch-last-used.ts": "lastUsedAt touches of API tokens and M2M accounts, at most once a minute",
  "lib/auth/record-m2m-token.ts": "the claims of an M2M account's last valid token: an observation for View access",
  "lib/auth/verify-provisioning-token.ts": "lastUsedAt touch of a SCIM provisioning secret",
  "lib/db/usage-row-writer.ts": "gateway usage records (one row per MCP call, batched), not a change of anything",
  "lib/servers/discovery/record-server-health.ts": "health probe results: an observation, not a catalog edit",
  "lib/iam/m2m-accounts/refresh-entra-app.ts":
    "a cache of the linked Entra app's name and secret expiry read from Microsoft Graph",
  "lib/db/create-client.ts": "SQLite connection PRAGMAs ($executeRawUnsafe), no data",
  "lib/http/audit-auth-failure.ts": "records a refused request: an audit event about a change that did not happen",
  "lib/auth/audit-groups-overage.ts": "records how a groups-overage lookup went: an observation, no state changes",
};

const WRITE_METHODS = [
  "create",
  "createMany",
  "createManyAndReturn",
  "update",
  "updateMany",
  "updateManyAndReturn",
  "upsert",
  "delete",
  "deleteMany",
];
const WRITE = new Set(WRITE_METHODS);
// Receivers that are a Prisma client or transaction: `db.`, `ctx.db.`, `tx.`, `scope.tx.`, …
const RECEIVERS = new Set(["db", "tx", "client", "prisma"]);
const RAW_WRITE = /\$executeRaw(?:Unsafe)?\b/g;
const OWN_TRANSACTION = /\$transaction\(/g;
const MANUAL_AUDIT = /\b(?:recordAuditEvent|bumpIamGeneration)\(/g;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sources(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

function findings(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found = modelWrites(source)
    .filter((write) => !isAudited(write))
    .map((write) => `${file}: ${write.expression.getText().replace(/\s+/g, "")}( outside an audited change`);
  if (file !== "lib/audit/audited-change.ts") {
    for (const literal of forgedScopes(source)) found.push(`${file}: ${oneLine(literal)} builds an AuditedTx by hand`);
  }
  for (const match of text.matchAll(RAW_WRITE)) found.push(`${file}: ${match[0]} (raw write)`);
  for (const match of text.matchAll(OWN_TRANSACTION)) found.push(`${file}: its own ${match[0]}`);
  const manual = [...text.matchAll(MANUAL_AUDIT)].filter((m) => !/function\s+$/.test(text.slice(0, m.index)));
  for (const match of manual) found.push(`${file}: ${match[0]} by hand`);
  return found;
}

/** Every `<receiver>.<model>.<write>(…)` call whose receiver ends in db, tx, client or prisma. */
function modelWrites(node: ts.Node): ts.CallExpression[] {
  const own =
    ts.isCallExpression(node) &&
    ts.isPropertyAccessExpression(node.expression) &&
    WRITE.has(node.expression.name.text) &&
    ts.isPropertyAccessExpression(node.expression.expression) &&
    RECEIVERS.has(lastName(node.expression.expression.expression))
      ? [node]
      : [];
  return [...own, ...node.getChildren().flatMap(modelWrites)];
}

function oneLine(node: ts.Node): string {
  return node.getText().replace(/\s+/g, " ");
}

function lastName(expression: ts.Expression): string {
  if (ts.isIdentifier(expression)) return expression.text;
  return ts.isPropertyAccessExpression(expression) ? expression.name.text : "";
}

test("every Prisma write in lib/ goes through auditedChange, or is on the justified allow-list", () => {
  const root = process.cwd();
  const problems = sources(join(root, "lib")).flatMap((path) => {
    const file = relative(root, path).replaceAll("\\", "/");
    return ALLOWED[file] ? [] : findings(file, readFileSync(path, "utf8"));
  });
  assert.deepEqual(problems, []);
});

test("refusals and observations that change nothing may record an audit event, but never bump by hand", () => {
  const root = process.cwd();
  for (const file of ["lib/http/audit-auth-failure.ts", "lib/auth/audit-groups-overage.ts"]) {
    const text = readFileSync(join(root, file), "utf8");
    assert.doesNotMatch(text, /bumpIamGeneration|\.(create|update|delete|upsert)\w*\(/, file);
  }
});

test("the scan sees a write outside the helper (it is not vacuous)", () => {
  assert.equal(findings("x.ts", "await db.group\n  .update({ where: {} })").length, 1);
  assert.equal(findings("x.ts", "await ctx.db.group.create({})").length, 1);
  assert.equal(findings("x.ts", "await db.$transaction(async (tx) => tx.group.delete({}))").length, 2);
  assert.equal(findings("x.ts", "await recordAuditEvent(tx, ctx, {})").length, 1);
  for (const file of Object.keys(ALLOWED)) assert.ok(readFileSync(join(process.cwd(), file)), `${file} exists`);
});

test("a tx write counts as audited only inside auditedChange's callback or a function taking an AuditedTx", () => {
  const header = "import { auditedChange, type AuditedTx } from '@/lib/audit/audited-change';\n";
  const audited = [
    "await auditedChange(db, ctx, async ({ tx, record }) => { await tx.group.delete({}); });",
    "await auditedChange(db, ctx, async (scope) => { const { tx } = scope; await tx.group\n  .update({}); });",
    "await auditedChange(db, ctx, (scope) => scope.tx.group.create({}));",
    "await auditedChange(db, ctx, async ({ tx }) => Promise.all(ids.map((id) => tx.group.delete({ where: { id } }))));",
    "export async function writeParts({ tx }: AuditedTx, id: string) { await tx.rule.deleteMany({}); }",
    "export async function writeUser(scope: AuditedTx) { await scope.tx.user.update({}); }",
    "export async function writeUser(scope: AuditedTx) { const tx = scope.tx; await tx.user.update({}); }",
  ];
  for (const snippet of audited) assert.deepEqual(findings("x.ts", header + snippet), [], snippet);
  const outside = [
    // The gap this rule closes: the file mentions AuditedTx, but this function takes a bare transaction.
    "export async function sneak(tx: Tx) { await tx.group.delete({}); }",
    "await auditedChange(db, ctx, (scope) => helper(scope.tx));\nasync function helper(tx: Tx) { await tx.group.update({}); }",
    "const write = (tx: Tx) => tx.user.create({});",
    "await tx.group.delete({});",
    // Inside the callback, but on a transaction some other function hands in.
    "await auditedChange(db, ctx, async ({ tx }) => run(async (tx) => tx.group.delete({})));",
    "await auditedChange(db, ctx, async () => { await db.group.delete({}); });",
    "await other(db, ctx, async ({ tx }) => { await tx.group.delete({}); });",
    // The audited scope is there, but a nearer binding of tx is another transaction.
    "export function f(scope: AuditedTx, tx: Tx) { return tx.group.delete({}); }",
    "await auditedChange(db, ctx, async (scope) => { const tx = getDb(); await tx.x.create({}); });",
    "await auditedChange(db, ctx, async (scope) => { let tx = getDb(); await tx.x.create({}); });",
    "await auditedChange(db, ctx, async ({ tx }) => { if (ok) { var tx = getDb(); } await tx.x.create({}); });",
    "export async function g({ tx }: AuditedTx) { const run = async () => { const tx = getDb(); await tx.x.update({}); }; }",
    "export async function g(scope: AuditedTx) { const { tx } = other; await tx.x.update({}); }",
    // An AuditedTx built by hand hands a bare transaction to helpers that trust the type.
    "await helper({ tx: bare, actor, record: () => {} });",
    "await helper({ ...scope, tx: bare });",
  ];
  for (const snippet of outside) assert.equal(findings("x.ts", header + snippet).length, 1, snippet);
});
