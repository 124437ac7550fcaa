import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { test } from "node:test";

/**
 * SPEC §10: every IAM change is in the audit log. lib/ changes registry state only through
 * `auditedChange` (lib/audit/audited-change.ts), which writes the change, its audit events and
 * the IAM generation bump in one transaction. This scan fails when a file writes with Prisma
 * any other way. A file may write only on the transaction of an `AuditedTx` (which only
 * `auditedChange` hands out) and must not open transactions of its own; the files below are
 * the exceptions, each with the reason its writes are not IAM or catalog changes.
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
// `<receiver>.<model>.<write>(` on a Prisma client or transaction, after joining chained lines.
const MODEL_WRITE = new RegExp(`\\b(?:db|tx|client|prisma)\\.[a-z]\\w*\\.(?:${WRITE_METHODS.join("|")})\\(`, "g");
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
  const joined = text.replace(/\s*\n\s*\./g, ".");
  const found: string[] = [];
  const takesAuditedTx = /\bAuditedTx\b|\bauditedChange\(/.test(joined);
  for (const match of joined.matchAll(MODEL_WRITE)) {
    if (!takesAuditedTx || !match[0].startsWith("tx.")) found.push(`${file}: ${match[0]} outside an audited change`);
  }
  for (const match of joined.matchAll(RAW_WRITE)) found.push(`${file}: ${match[0]} (raw write)`);
  for (const match of joined.matchAll(OWN_TRANSACTION)) found.push(`${file}: its own ${match[0]}`);
  const manual = [...joined.matchAll(MANUAL_AUDIT)].filter((m) => !/function\s+$/.test(joined.slice(0, m.index)));
  for (const match of manual) found.push(`${file}: ${match[0]} by hand`);
  return found;
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
  assert.equal(findings("x.ts", "await db.$transaction(async (tx) => tx.group.delete({}))").length, 2);
  assert.equal(findings("x.ts", "await recordAuditEvent(tx, ctx, {})").length, 1);
  assert.equal(findings("x.ts", "import type { AuditedTx } from 'x';\nawait tx.group.delete({})").length, 0);
  for (const file of Object.keys(ALLOWED)) assert.ok(readFileSync(join(process.cwd(), file)), `${file} exists`);
});
