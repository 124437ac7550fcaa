import assert from "node:assert/strict";
import { test } from "node:test";
import { parseConfig } from "@/lib/config";
import {
  clearedSessionCookie,
  pendingSignInCookie,
  readPendingSignIn,
  sessionCookie,
} from "@/lib/auth/sign-in/cookies";
import { safeReturnTo } from "@/lib/auth/sign-in/return-to";
import { isSignInErrorKind } from "@/lib/auth/sign-in/sign-in-error";

const TENANT = "77ac5383-74a0-4b68-ae2c-83504351a44e";
const CLIENT = "81382876-ac08-4e70-a240-ad7c89ed8dfe";
const config = (url: string) => parseConfig({ ENTRA_TENANT_IDS: TENANT, ENTRA_CLIENT_ID: CLIENT, REGISTRY_URL: url });

test("returnTo keeps same-origin relative paths", () => {
  assert.equal(safeReturnTo("/servers/github?tab=tools#x"), "/servers/github?tab=tools#x");
  assert.equal(safeReturnTo("/settings/iam/users"), "/settings/iam/users");
  assert.equal(safeReturnTo("/a/../b"), "/b");
});

test("returnTo refuses anything that could leave the registry or loop", () => {
  for (const bad of [
    null,
    undefined,
    "",
    "https://evil.example/",
    "//evil.example/x",
    "/\\evil.example",
    "\\\\evil",
    "javascript:alert(1)",
    "evil.example",
    "/ok\nLocation: x",
    "/auth/sign-in",
    "/auth/callback?code=x",
    "/sign-in",
    `/${"a".repeat(3000)}`,
  ]) {
    assert.equal(safeReturnTo(bad), "/", JSON.stringify(bad));
  }
  // Encoded control characters stay encoded: they can never split the Location header.
  assert.equal(safeReturnTo("/%0d%0aSet-Cookie:x"), "/%0d%0aSet-Cookie:x");
});

test("pending sign-in cookie: round trip, flags, __Host- prefix on https", () => {
  const pending = { state: "s".repeat(43), nonce: "n".repeat(43), verifier: "v".repeat(43), returnTo: "/x" };
  const plain = pendingSignInCookie(config("http://localhost:3000"), pending);
  assert.equal(plain.name, "registry_auth");
  assert.deepEqual(plain.options, { httpOnly: true, secure: false, sameSite: "lax", path: "/", maxAge: 600 });
  assert.deepEqual(readPendingSignIn(plain.value), pending);
  const secure = pendingSignInCookie(config("https://registry.example"), pending);
  assert.equal(secure.name, "__Host-registry_auth");
  assert.equal(secure.options.secure, true);
});

test("pending sign-in cookie: garbage or a foreign returnTo is no pending sign-in", () => {
  assert.equal(readPendingSignIn(undefined), null);
  assert.equal(readPendingSignIn("not base64 json"), null);
  assert.equal(readPendingSignIn(Buffer.from(JSON.stringify({ state: "short" })).toString("base64url")), null);
  const foreign = {
    state: "s".repeat(43),
    nonce: "n".repeat(43),
    verifier: "v".repeat(43),
    returnTo: "https://evil.example",
  };
  assert.equal(readPendingSignIn(Buffer.from(JSON.stringify(foreign)).toString("base64url")), null);
});

test("session cookie: SPEC 2.1 name and attributes, Max-Age = session TTL", () => {
  const plain = sessionCookie(config("http://localhost:3000"), "id");
  assert.equal(plain.name, "registry_session");
  assert.deepEqual(plain.options, { httpOnly: true, secure: false, sameSite: "lax", path: "/", maxAge: 8 * 3600 });
  const secure = sessionCookie(config("https://registry.example"), "id");
  assert.equal(secure.name, "__Host-registry_session");
  assert.equal(secure.options.secure, true);
  assert.equal(clearedSessionCookie(config("https://registry.example")).options.maxAge, 0);
});

test("error kinds shown by the sign-in page", () => {
  assert.ok(isSignInErrorKind("disabled") && isSignInErrorKind("state") && isSignInErrorKind("failed"));
  assert.ok(!isSignInErrorKind("toString") && !isSignInErrorKind("__proto__") && !isSignInErrorKind(undefined));
});
