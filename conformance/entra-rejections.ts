import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ADMIN_APP, API_CLIENT, TENANT, suite } from "./support/suite";
import type { Exchange } from "./support/http-recorder";

const OTHER_TENANT = "22222222-2222-4222-8222-222222222222";
const GRAPH = "00000003-0000-0000-c000-000000000000";
const b64 = (value: unknown) =>
  Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");
const without = (claims: Record<string, unknown>, ...names: string[]) =>
  Object.fromEntries(Object.entries(claims).filter(([name]) => !names.includes(name)));

export function assertInvalidToken(response: Exchange, what: string): void {
  assert.equal(response.status, 401, `${what}: ${response.status} ${response.text}`);
  assert.equal(response.json?.error?.code, "invalid_token", what);
  assert.equal(response.json?.error?.message, "The access token is invalid.", `${what}: one message for every cause`);
  assert.match(
    response.headers.get("www-authenticate") ?? "",
    /^Bearer realm="mcp-registry", error="invalid_token", resource_metadata="[^"]+\/\.well-known\/oauth-protected-resource"$/,
    what,
  );
  assert.equal(typeof response.json?.requestId, "string", what);
}

/** SPEC §2.3 rejections, each with a really signed token (unless the case is about the signature). */
function rejectionCases(): [string, string][] {
  const { tokens, issuer, attacker } = suite;
  const v2 = (overrides: Record<string, unknown> = {}) => tokens.appV2Claims(overrides);
  const v1 = (overrides: Record<string, unknown> = {}) => tokens.appV1Claims(overrides);
  const now = tokens.nowSeconds();
  const good = issuer.sign(v2());
  const [goodHeader, goodPayload, goodSignature] = good.split(".") as [string, string, string];
  const other = issuer.sign(v2({ azp: "ffffffff-ffff-4fff-8fff-ffffffffffff" })).split(".")[2]!;
  const flipped = Buffer.from(goodSignature, "base64url");
  flipped[10] = flipped[10]! ^ 0x01;
  const jkuUrl = `${attacker.authorityHost}/${TENANT}/discovery/v2.0/keys`;

  const cases: [string, string][] = [
    ["alg none, no signature", `${b64({ alg: "none", typ: "JWT" })}.${b64(v2())}.`],
    ["alg none with a kid and a signature", `${b64({ alg: "none", kid: issuer.kid })}.${b64(v2())}.${b64("sig")}`],
    ["HS256 keyed with the RSA public key (PEM)", issuer.signHs256(v2(), issuer.publicKeyPem())],
    ["HS256 keyed with the RSA public key (JWK)", issuer.signHs256(v2(), issuer.publicJwkJson())],
    ["HMAC signature labelled RS256", issuer.signHs256(v2(), issuer.publicKeyPem(), { alg: "RS256" })],
    ...(["RS384", "RS512", "PS256", "ES256", "rs256", "EdDSA", null, 256] as unknown[]).map((alg): [string, string] => [
      `alg ${JSON.stringify(alg)}`,
      issuer.sign(v2(), { alg }),
    ]),
    ["alg missing", issuer.sign(v2(), { alg: undefined })],
    ["kid missing", issuer.sign(v2(), { kid: undefined })],
    ...(["", "k".repeat(129), "a\nb", "a\u0001b", "\u00e9", 42, { x: 1 }] as unknown[]).map((kid): [string, string] => [
      `kid ${JSON.stringify(kid).slice(0, 20)}`,
      issuer.sign(v2(), { kid }),
    ]),
    ["crit header", issuer.sign(v2(), { crit: ["exp"], exp: now })],
    ["b64 header", issuer.sign(v2(), { b64: false, crit: ["b64"] })],
    ["jku header (attacker's key set)", attacker.sign(v2(), { jku: jkuUrl })],
    ["x5u header", attacker.sign(v2(), { x5u: `${attacker.authorityHost}/cert.pem` })],
    ["jwk header (embedded attacker key)", attacker.sign(v2(), { jwk: JSON.parse(attacker.publicJwkJson()) })],
    ["x5c header", attacker.sign(v2(), { x5c: ["MIIBdummy"] })],
    ["jku header with our own kid", attacker.sign(v2(), { jku: jkuUrl, kid: issuer.kid })],
    ["signature of another token (swapped)", `${goodHeader}.${goodPayload}.${other}`],
    ["truncated signature", `${goodHeader}.${goodPayload}.${goodSignature.slice(0, -12)}`],
    ["signature with one bit flipped", `${goodHeader}.${goodPayload}.${flipped.toString("base64url")}`],
    ["empty signature", `${goodHeader}.${goodPayload}.`],
    ["payload changed after signing", `${goodHeader}.${b64({ ...v2(), roles: ["Admin"] })}.${goodSignature}`],
    ["custom signing key with our kid", attacker.sign(v2(), { kid: issuer.kid })],
    ["custom signing key with its own kid", attacker.sign(v2())],
    ["two segments", `${goodHeader}.${goodPayload}`],
    ["four segments", `${good}.${goodSignature}`],
    ["expired", issuer.sign(v2({ iat: now - 7200, nbf: now - 7200, exp: now - 3600 }))],
    ["expired just beyond the 60 s skew", issuer.sign(v2({ iat: now - 3700, nbf: now - 3700, exp: now - 61 }))],
    ["expired v1", issuer.sign(v1({ iat: now - 7200, nbf: now - 7200, exp: now - 3600 }))],
    ["nbf in the future", issuer.sign(v2({ nbf: now + 300 }))],
    ["iat in the future", issuer.sign(v2({ iat: now + 300, nbf: now, exp: now + 3900 }))],
    ["lifetime over 24 h", issuer.sign(v2({ iat: now - 60, nbf: now - 60, exp: now - 60 + 24 * 3600 + 1 }))],
    ["exp before iat", issuer.sign(v2({ iat: now, exp: now - 1 }))],
    ["exp missing", issuer.sign(without(v2(), "exp"))],
    ["iat missing", issuer.sign(without(v2(), "iat"))],
    ["exp a string", issuer.sign(v2({ exp: String(now + 3600) }))],
    ["nbf a string", issuer.sign(v2({ nbf: "now" }))],
    ["tid of another tenant", issuer.sign(v2({ tid: OTHER_TENANT }))],
    ["tid missing", issuer.sign(without(v2(), "tid"))],
    ["ver 1.0 on the v2 issuer", issuer.sign(v2({ ver: "1.0" }))],
    ["ver 2.0 on the v1 issuer", issuer.sign(v1({ ver: "2.0" }))],
    ["ver missing", issuer.sign(without(v2(), "ver"))],
    [
      "issuer of a tenant not allowed",
      issuer.sign(v2({ iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0`, tid: OTHER_TENANT })),
    ],
    ["issuer with a trailing slash", issuer.sign(v2({ iss: `https://login.microsoftonline.com/${TENANT}/v2.0/` }))],
    ["issuer over http", issuer.sign(v2({ iss: `http://login.microsoftonline.com/${TENANT}/v2.0` }))],
    ["issuer of another cloud", issuer.sign(v2({ iss: `https://login.microsoftonline.us/${TENANT}/v2.0` }))],
    ["issuer 'common'", issuer.sign(v2({ iss: "https://login.microsoftonline.com/common/v2.0" }))],
    ["issuer as an array", issuer.sign(v2({ iss: [`https://login.microsoftonline.com/${TENANT}/v2.0`] }))],
    ["aud of another API", issuer.sign(v2({ aud: "99999999-9999-4999-8999-999999999999" }))],
    ["aud missing", issuer.sign(without(v2(), "aud"))],
    ["aud as an array containing ours", issuer.sign(v2({ aud: [API_CLIENT] }))],
    ["aud api:// with a trailing slash", issuer.sign(v2({ aud: `api://${API_CLIENT}/` }))],
    [
      "ID token replayed (aud = the client app, nonce, no idtyp)",
      issuer.sign({
        ...without(v2(), "idtyp", "azp", "azpacr"),
        aud: ADMIN_APP,
        nonce: "n-0S6_WzA2Mj",
        name: "Pipeline",
        preferred_username: "pipeline@contoso.example",
      }),
    ],
    ["Microsoft Graph token replayed (GUID aud)", issuer.sign(v2({ aud: GRAPH }))],
    ["Microsoft Graph token replayed (URL aud)", issuer.sign(v2({ aud: "https://graph.microsoft.com" }))],
    ["oid missing", issuer.sign(without(v2(), "oid"))],
    ["azp missing (v2)", issuer.sign(without(v2(), "azp"))],
    ["appid missing (v1)", issuer.sign(without(v1(), "appid"))],
    ["idtyp app together with scp", issuer.sign(v2({ scp: "Registry.Use" }))],
    ["empty scp", issuer.sign(v2({ idtyp: undefined, sub: "someone-else", scp: " " }))],
    ["roles not an array", issuer.sign(v2({ roles: "Registry.Read" }))],
    ["nbf in the future (v1)", issuer.sign(v1({ nbf: now + 300 }))],
    ["lifetime over 24 h (v1)", issuer.sign(v1({ iat: now - 60, nbf: now - 60, exp: now + 25 * 3600 }))],
    ["aud of another API (v1)", issuer.sign(v1({ aud: "api://99999999-9999-4999-8999-999999999999" }))],
    ["tid of another tenant (v1)", issuer.sign(v1({ tid: OTHER_TENANT }))],
    ["jku header (v1)", attacker.sign(v1(), { jku: `${attacker.authorityHost}/${TENANT}/discovery/keys` })],
    ["signed by our key under another kid of ours", issuer.sign(v2(), { kid: issuer.kid.toUpperCase() })],
    ["unknown kid (signed with our key)", issuer.sign(v2(), { kid: "kid-never-published" })],
    ["not a JWT at all", "Zm9vYmFy"],
    ["JWT with JSON garbage header", `${b64("{not json")}.${goodPayload}.${goodSignature}`],
    ["registry-looking token with a bad secret", `mcpr_${"A".repeat(43)}`],
  ];
  return cases;
}

export function conformEntraRejections(): void {
  describe("SPEC §2.3: every invalid Entra token is 401 invalid_token, over HTTP, with no key fetch", () => {
    it("valid v1 and v2 tokens are accepted first (the caches are warm)", async () => {
      const v2 = await suite.call("/api/me", { token: suite.tokens.app() }, "warm v2");
      assert.equal(v2.status, 200, v2.text);
      assert.equal(v2.json.kind, "m2m");
      const v1 = await suite.call("/api/me", { token: suite.issuer.sign(suite.tokens.appV1Claims()) }, "warm v1");
      assert.equal(v1.status, 200, v1.text);
      assert.deepEqual(suite.issuer.requestsFor(TENANT).sort(), [
        `/${TENANT}/discovery/keys`,
        `/${TENANT}/discovery/v2.0/keys`,
      ]);
    });

    it("rejects each case with the generic 401 and fetches nothing", async () => {
      const before = suite.issuer.requests.length;
      const cases = rejectionCases();
      assert.ok(cases.length >= 80, `${cases.length} cases`);
      for (const [what, token] of cases) {
        const headers = { authorization: `Bearer ${token}` };
        // Tokens with characters outside token68 cannot travel in a Bearer header (that is a 400,
        // covered elsewhere); every case here is well-formed on the wire.
        assert.match(headers.authorization, /^Bearer [A-Za-z0-9\-._~+/]+=*$/, what);
        assertInvalidToken(await suite.call("/api/me", { token }, what), what);
      }
      assert.equal(suite.issuer.requests.length, before, "no rejected token caused a key fetch");
      assert.equal(suite.attacker.requests.length, 0, "nothing named in a token was fetched");
    });

    it("50 concurrent unknown-kid tokens: all 401, no fetch inside the refresh window", async () => {
      const before = suite.issuer.requests.length;
      const responses = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          suite.call(
            "/api/me",
            { token: suite.issuer.sign(suite.tokens.appV2Claims(), { kid: `kid-flood-${i}` }) },
            "unknown kid flood",
          ),
        ),
      );
      for (const response of responses) assertInvalidToken(response, "unknown kid");
      assert.equal(suite.issuer.requests.length, before);
    });

    it("the same token on an IAM route and a catalog route gets the same answer", async () => {
      const expired = suite.issuer.sign(
        suite.tokens.appV2Claims({
          exp: suite.tokens.nowSeconds() - 3600,
          iat: suite.tokens.nowSeconds() - 7200,
          nbf: undefined,
        }),
      );
      for (const path of ["/api/servers", "/api/tools?q=x", "/api/iam/groups", "/api/audit"]) {
        assertInvalidToken(await suite.call(path, { token: expired }, "expired on every route"), path);
      }
    });
  });
}
