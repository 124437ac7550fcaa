import assert from "node:assert/strict";
import type { ApiResponse } from "./call";

const REALM = 'Bearer realm="mcp-registry"';
// RFC 9728: every API challenge names the protected resource metadata (tests run at REGISTRY_ORIGIN).
const METADATA = ', resource_metadata="http://localhost:3999/.well-known/oauth-protected-resource"';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// What must never reach a client: stack frames, library or file names.
const INTERNALS = /\n\s+at |(\/|file:\/\/)[^\s"]*:\d+:\d+|node_modules|prisma|TypeError|ReferenceError|SyntaxError/i;

const WWW_AUTHENTICATE: Partial<Record<string, string>> = {
  unauthorized: `${REALM}${METADATA}`,
  invalid_request: `${REALM}, error="invalid_request"${METADATA}`,
  invalid_token: `${REALM}, error="invalid_token"${METADATA}`,
};

export interface ErrorBody {
  error: { code: string; message: string; fields?: { path: string; message: string }[] };
  requestId: string;
}

/**
 * The SPEC §6 contract for every error: status and code, `Cache-Control: no-store`, the
 * `{ error: { code, message }, requestId }` shape, the right WWW-Authenticate, and nothing
 * secret or internal in the body.
 */
export function assertError(response: ApiResponse, status: number, code: string, secrets: string[] = []): ErrorBody {
  assert.equal(
    response.status,
    status,
    `expected ${status} ${code}, got ${response.status}: ${response.text.slice(0, 300)}`,
  );
  assert.equal(response.headers.get("cache-control"), "no-store");
  assert.match(response.headers.get("content-type") ?? "", /^application\/json/);
  const body = response.json as ErrorBody;
  assert.ok(body && typeof body === "object", `error body is not JSON: ${response.text.slice(0, 200)}`);
  assert.deepEqual(Object.keys(body).sort(), ["error", "requestId"]);
  assert.match(body.requestId, UUID);
  assert.equal(body.error.code, code);
  assert.equal(typeof body.error.message, "string");
  assert.ok(body.error.message.length > 0);
  assert.deepEqual(
    Object.keys(body.error).sort(),
    status === 422 ? ["code", "fields", "message"] : ["code", "message"],
  );
  const expectedChallenge = WWW_AUTHENTICATE[code];
  if (expectedChallenge) assert.equal(response.headers.get("www-authenticate"), expectedChallenge);
  for (const secret of secrets)
    assert.ok(!response.text.includes(secret), `error body contains a credential (${secret.slice(0, 12)}…)`);
  assert.doesNotMatch(response.text, INTERNALS);
  return body;
}

/** A 422 naming the given field paths (in any order, each at least once). */
export function assertValidation(response: ApiResponse, paths: string[]): ErrorBody {
  const body = assertError(response, 422, "validation_failed");
  const named = new Set((body.error.fields ?? []).map((field) => field.path));
  for (const path of paths)
    assert.ok(named.has(path), `422 does not name ${path}: ${JSON.stringify(body.error.fields)}`);
  for (const field of body.error.fields ?? []) assert.ok(field.message.length > 0);
  return body;
}

/** The error body without its request id, with the caller-supplied identifiers masked. */
export function comparableError(response: ApiResponse, identifiers: string[]): string {
  const { requestId: _requestId, ...rest } = response.json as ErrorBody;
  let text = JSON.stringify(rest);
  for (const identifier of identifiers) text = text.split(identifier).join("{id}");
  return text;
}
