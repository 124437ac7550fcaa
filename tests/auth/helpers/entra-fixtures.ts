import assert from "node:assert/strict";
import { AppError } from "@/lib/errors";
import { createJwksCache, type JwksCache, type JwksCacheOptions } from "@/lib/auth/entra/jwks-cache";
import {
  createEntraTokenVerifier,
  type EntraTokenVerifier,
  type EntraTokenVerifierOptions,
} from "@/lib/auth/entra/verify-entra-token";
import { startFakeEntraIssuer, type FakeEntraIssuer } from "../../support/fake-entra-issuer";

export const TENANT = "11111111-1111-4111-8111-111111111111";
export const OTHER_TENANT = "22222222-2222-4222-8222-222222222222";
export const API_CLIENT_ID = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";
export const CALLER_APP_ID = "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb";
export const CALLER_OID = "cccccccc-cccc-4ccc-8ccc-cccccccccccc";
export const USER_OID = "dddddddd-dddd-4ddd-8ddd-dddddddddddd";
export const START = Date.UTC(2030, 0, 1);

/** A clock the tests move by hand. */
export class TestClock {
  ms = START;
  now = (): number => this.ms;
  advance(ms: number): void {
    this.ms += ms;
  }
  seconds(): number {
    return Math.floor(this.ms / 1000);
  }
}

export function appClaimsV2(clock: TestClock, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const iat = clock.seconds();
  return {
    aud: API_CLIENT_ID,
    iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
    iat,
    nbf: iat,
    exp: iat + 3600,
    azp: CALLER_APP_ID,
    azpacr: "1",
    idtyp: "app",
    oid: CALLER_OID,
    sub: CALLER_OID,
    roles: ["Registry.Read"],
    tid: TENANT,
    ver: "2.0",
    ...overrides,
  };
}

export function appClaimsV1(clock: TestClock, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const { azp: _azp, azpacr: _azpacr, ...v2 } = appClaimsV2(clock);
  return {
    ...v2,
    aud: `api://${API_CLIENT_ID}`,
    iss: `https://sts.windows.net/${TENANT}/`,
    appid: CALLER_APP_ID,
    appidacr: "1",
    ver: "1.0",
    ...overrides,
  };
}

export function delegatedClaimsV2(clock: TestClock, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const { idtyp: _idtyp, ...base } = appClaimsV2(clock);
  return {
    ...base,
    oid: USER_OID,
    sub: "pairwise-subject",
    scp: "Registry.Use tokens.create",
    roles: [],
    ...overrides,
  };
}

export interface Harness {
  issuer: FakeEntraIssuer;
  clock: TestClock;
  keys: JwksCache;
  verifier: EntraTokenVerifier;
  v2KeysUrl: string;
  close(): Promise<void>;
}

export async function startHarness(
  options: { cache?: JwksCacheOptions; verifier?: Partial<EntraTokenVerifierOptions> } = {},
): Promise<Harness> {
  const issuer = await startFakeEntraIssuer();
  const clock = new TestClock();
  const keys = createJwksCache({ now: clock.now, fetchTimeoutMs: 2_000, ...options.cache });
  const verifier = createEntraTokenVerifier({
    tenantIds: [TENANT],
    clientId: API_CLIENT_ID,
    appIdUris: ["https://registry.example.com"],
    cloud: "public",
    authorityHost: issuer.authorityHost,
    keys,
    now: clock.now,
    ...options.verifier,
  });
  const v2KeysUrl = `${issuer.authorityHost}/${TENANT}/discovery/v2.0/keys`;
  return { issuer, clock, keys, verifier, v2KeysUrl, close: () => issuer.close() };
}

/** Asserts `promise` rejects with an AppError of `code` (and `reason`, when given). */
export async function rejectsWith(
  promise: Promise<unknown>,
  code: string,
  reason?: string | RegExp,
): Promise<AppError> {
  const error = await promise.then(
    () => assert.fail(`expected ${code}, got success`),
    (e: unknown) => e,
  );
  assert.ok(error instanceof AppError, `expected AppError, got ${String(error)}`);
  assert.equal(error.code, code, `reason: ${error.reason}`);
  if (code === "invalid_token") assert.equal(error.message, "The access token is invalid.");
  if (typeof reason === "string") assert.equal(error.reason, reason);
  if (reason instanceof RegExp) assert.match(error.reason ?? "", reason);
  return error;
}
