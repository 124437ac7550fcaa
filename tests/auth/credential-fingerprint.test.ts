import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { extractCredential, withCredentialFingerprint } from "@/lib/auth/credential";
import { resolveRequestPrincipal } from "@/lib/auth/resolve-request-principal";
import { tokenFingerprint } from "@/lib/auth/token-fingerprint";
import { dbReady, getDb } from "@/lib/db";
import { AppError, isAppError } from "@/lib/errors";
import { auditAuthFailure } from "@/lib/http/audit-auth-failure";
import { useTestRegistry } from "../support/registry-env";

let registry: Awaited<ReturnType<typeof useTestRegistry>>;
const request = (token: string) => ({
  authorization: [`Bearer ${token}`],
  url: "/api/servers",
  sessionCookie: undefined,
  isApiRoute: true,
});

before(async () => {
  registry = await useTestRegistry();
  await dbReady();
});
after(async () => registry.close());

test("credential extraction returns the bearer token's fingerprint (and no token-shaped field for sessions)", () => {
  const token = "mcpr_" + "A".repeat(43);
  const credential = extractCredential(request(token));
  assert.equal(credential.kind, "bearer");
  assert.equal(credential.kind === "bearer" && credential.fingerprint, tokenFingerprint(token));
  const session = extractCredential({ ...request(token), authorization: [], sessionCookie: "s" });
  assert.deepEqual(session, { kind: "session", sessionId: "s" });
  const error = withCredentialFingerprint(new AppError("invalid_token", "x"), credential);
  assert.equal(isAppError(error) && error.tokenFingerprint, tokenFingerprint(token));
});

test("a failed resolution carries the fingerprint of the token it read", async () => {
  const token = "mcpr_" + "B".repeat(43);
  await assert.rejects(
    resolveRequestPrincipal(getDb(), request(token)),
    (error: unknown) => isAppError(error) && error.status === 401 && error.tokenFingerprint === tokenFingerprint(token),
  );
});

test("the auth-failure audit takes the fingerprint from the choke point, not from re-reading the header", async () => {
  const db = getDb();
  const read = "mcpr_" + "C".repeat(43);
  const resolution = await resolveRequestPrincipal(db, request(read)).catch((error: unknown) => error);
  // The Request's own header holds another token: a re-parse would fingerprint that one instead.
  const other = "mcpr_" + "D".repeat(43);
  const http = new Request("http://localhost/api/servers", { headers: { authorization: `Bearer ${other}` } });
  await auditAuthFailure(db, resolution, null, "fingerprint-from-error", http);
  const refused = new AppError("forbidden", "no", { reason: "missing iam:read" });
  await auditAuthFailure(db, refused, null, "fingerprint-from-principal", http, tokenFingerprint(read));
  await auditAuthFailure(db, new AppError("unauthorized", "none"), null, "no-credential", http);
  const events = await db.auditEvent.findMany({
    where: { requestId: { in: ["fingerprint-from-error", "fingerprint-from-principal", "no-credential"] } },
    orderBy: { requestId: "asc" },
  });
  assert.deepEqual(
    events.map((event) => [event.requestId, event.tokenFingerprint]),
    [
      ["fingerprint-from-error", tokenFingerprint(read)],
      ["fingerprint-from-principal", tokenFingerprint(read)],
      ["no-credential", null],
    ],
  );
});

test("a bearer token sent together with a session cookie is refused (400) with that token's fingerprint", () => {
  const token = "mcpr_" + "E".repeat(43);
  assert.throws(
    () => extractCredential({ ...request(token), sessionCookie: "s" }),
    (error: unknown) => isAppError(error) && error.status === 400 && error.tokenFingerprint === tokenFingerprint(token),
  );
});
