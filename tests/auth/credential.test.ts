import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { extractCredential, MAX_AUTHORIZATION_HEADER_BYTES, type CredentialInput } from "@/lib/auth/credential";
import { tokenFingerprint, tokenHash } from "@/lib/auth/token-fingerprint";
import { AppError } from "@/lib/errors";

const bearer = (token: string) => ({
  kind: "bearer",
  token,
  hash: tokenHash(token),
  fingerprint: tokenFingerprint(token),
});

const base: CredentialInput = { authorization: [], url: "/api/servers", sessionCookie: undefined, isApiRoute: true };
const extract = (overrides: Partial<CredentialInput>) => extractCredential({ ...base, ...overrides });

function badRequest(overrides: Partial<CredentialInput>, reason: string): void {
  assert.throws(
    () => extract(overrides),
    (error: unknown) => {
      assert.ok(error instanceof AppError);
      assert.equal(error.code, "invalid_request");
      assert.equal(error.status, 400);
      assert.equal(error.reason, reason);
      return true;
    },
  );
}

describe("extractCredential: accepted forms", () => {
  it("reads a bearer token", () => {
    assert.deepEqual(extract({ authorization: ["Bearer abc.def-ghi_jkl~+/=="] }), bearer("abc.def-ghi_jkl~+/=="));
  });

  it("takes the scheme case-insensitively", () => {
    assert.deepEqual(extract({ authorization: ["bearer tok"] }), bearer("tok"));
    assert.deepEqual(extract({ authorization: ["BEARER tok"] }), bearer("tok"));
  });

  it("allows several spaces after the scheme and OWS around the field", () => {
    assert.deepEqual(extract({ authorization: ["Bearer    tok"] }), bearer("tok"));
    assert.deepEqual(extract({ authorization: [" Bearer tok \t"] }), bearer("tok"));
  });

  it("treats another scheme as no credential", () => {
    assert.deepEqual(extract({ authorization: ["Basic dXNlcjpwYXNz"] }), { kind: "none" });
    assert.deepEqual(extract({ authorization: ["Bearerabc"] }), { kind: "none" });
  });

  it("returns none without header or cookie", () => {
    assert.deepEqual(extract({}), { kind: "none" });
    assert.deepEqual(extract({ sessionCookie: "" }), { kind: "none" });
  });

  it("returns the session for a cookie alone", () => {
    assert.deepEqual(extract({ sessionCookie: "s1" }), { kind: "session", sessionId: "s1" });
  });

  it("lets the session win on a page that also got a header", () => {
    assert.deepEqual(extract({ authorization: ["Bearer tok"], sessionCookie: "s1", isApiRoute: false }), {
      kind: "session",
      sessionId: "s1",
    });
  });

  it("ignores a Basic header next to a session cookie (Basic is no credential)", () => {
    assert.deepEqual(extract({ authorization: ["Basic eA=="], sessionCookie: "s1" }), {
      kind: "session",
      sessionId: "s1",
    });
  });

  it("accepts a header of exactly 12 KiB", () => {
    const token = "a".repeat(MAX_AUTHORIZATION_HEADER_BYTES - "Bearer ".length);
    assert.deepEqual(extract({ authorization: [`Bearer ${token}`] }), bearer(token));
  });
});

describe("extractCredential: 400 invalid_request", () => {
  it("rejects access_token and token in the query string", () => {
    badRequest({ url: "/api/servers?access_token=abc" }, "token in query string");
    badRequest({ url: "https://registry.example.com/api/servers?q=x&token=abc" }, "token in query string");
    badRequest({ url: "/api/servers?token=", authorization: ["Bearer tok"] }, "token in query string");
  });

  it("says what to fix: an empty bearer token is named as such, not as a generic malformed request", () => {
    assert.throws(
      () => extract({ authorization: ["Bearer "] }),
      (error: unknown) => {
        assert.ok(error instanceof AppError);
        assert.match(error.message, /bearer token is empty/);
        return true;
      },
    );
    assert.throws(() => extract({ url: "/api/servers?access_token=x" }), /not accepted in the URL/);
  });

  it("rejects an empty token", () => {
    badRequest({ authorization: ["Bearer"] }, "empty bearer token");
    badRequest({ authorization: ["Bearer    "] }, "empty bearer token");
    badRequest({ authorization: [""] }, "empty authorization header");
  });

  it("rejects two Authorization headers", () => {
    badRequest({ authorization: ["Bearer a", "Bearer b"] }, "multiple authorization headers");
    badRequest({ authorization: ["Bearer a", "Basic b"] }, "multiple authorization headers");
  });

  it("rejects a header plus a session cookie on an API route", () => {
    badRequest({ authorization: ["Bearer tok"], sessionCookie: "s1" }, "authorization header and session cookie");
  });

  it("rejects a tab or another separator after the scheme", () => {
    badRequest({ authorization: ["Bearer\ttok"] }, "bad bearer syntax");
    badRequest({ authorization: ["Bearer \ttok"] }, "bad bearer syntax");
    badRequest({ authorization: ["Bearer,tok"] }, "bad bearer syntax");
    badRequest({ authorization: ["Bearer\u00a0tok"] }, "bad bearer syntax");
    badRequest({ authorization: [",Bearer tok"] }, "bad authorization syntax");
  });

  it("rejects characters outside token68", () => {
    badRequest({ authorization: ["Bearer a b"] }, "bad bearer syntax");
    badRequest({ authorization: ["Bearer a,Bearer b"] }, "bad bearer syntax");
    badRequest({ authorization: ["Bearer tok==" + "x"] }, "bad bearer syntax");
    badRequest({ authorization: ["Bearer ==="] }, "bad bearer syntax");
    badRequest({ authorization: ["Bearer tök"] }, "bad bearer syntax");
  });

  it("rejects a header over 12 KiB", () => {
    const token = "a".repeat(MAX_AUTHORIZATION_HEADER_BYTES);
    badRequest({ authorization: [`Bearer ${token}`] }, "authorization header too large");
    badRequest({ authorization: [`Basic ${token}`] }, "authorization header too large");
  });
});
