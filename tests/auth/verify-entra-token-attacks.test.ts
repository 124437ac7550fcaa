import assert from "node:assert/strict";
import { after, afterEach, before, describe, it } from "node:test";
import { startFakeEntraIssuer, type FakeEntraIssuer } from "../support/fake-entra-issuer";
import {
  OTHER_TENANT,
  TENANT,
  appClaimsV1,
  appClaimsV2,
  rejectsWith,
  startHarness,
  type Harness,
} from "./helpers/entra-fixtures";

let h: Harness;
let attacker: FakeEntraIssuer;
before(async () => {
  attacker = await startFakeEntraIssuer();
});
after(() => attacker.close());
afterEach(() => h.close());

const b64 = (value: unknown) =>
  Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");
const invalid = (token: string, reason: string | RegExp) =>
  rejectsWith(h.verifier.verify(token), "invalid_token", reason);
const V2_ISS = `https://login.microsoftonline.com/${TENANT}/v2.0`;

describe("attacks rejected before any key is fetched", () => {
  it("rejects alg none", async () => {
    h = await startHarness();
    const unsigned = `${b64({ alg: "none", typ: "JWT" })}.${b64(appClaimsV2(h.clock))}.`;
    await invalid(unsigned, 'alg not allowed: "none"');
    await invalid(
      `${b64({ alg: "none", kid: h.issuer.kid })}.${b64(appClaimsV2(h.clock))}.${b64("sig")}`,
      /alg not allowed/,
    );
    assert.equal(h.issuer.requests.length, 0);
  });

  it("rejects HS256 keyed with the RSA public key (PEM and JWK forms)", async () => {
    h = await startHarness();
    const claims = appClaimsV2(h.clock);
    await invalid(h.issuer.signHs256(claims, h.issuer.publicKeyPem()), 'alg not allowed: "HS256"');
    await invalid(h.issuer.signHs256(claims, h.issuer.publicJwkJson()), 'alg not allowed: "HS256"');
    await invalid(h.issuer.signHs256(claims, h.issuer.publicKeyPem(), { alg: "RS256" }), "signature invalid");
    assert.equal(h.issuer.requests.length, 1, "only the RS256-labelled forgery reached the key set");
  });

  it("rejects every other algorithm", async () => {
    h = await startHarness();
    for (const alg of ["RS384", "RS512", "PS256", "ES256", "rs256", "EdDSA", null, 256]) {
      await invalid(h.issuer.sign(appClaimsV2(h.clock), { alg }), /^alg not allowed/);
    }
    await invalid(h.issuer.sign(appClaimsV2(h.clock), { alg: undefined }), "alg not allowed: undefined");
    assert.equal(h.issuer.requests.length, 0);
  });

  it("rejects a foreign tenant, a tid that differs from the issuer, and the wrong issuer form", async () => {
    h = await startHarness();
    const cases: [Record<string, unknown>, string][] = [
      [
        appClaimsV2(h.clock, { iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0`, tid: OTHER_TENANT }),
        "issuer not allowed",
      ],
      [appClaimsV2(h.clock, { tid: OTHER_TENANT }), "tid does not match issuer tenant"],
      [appClaimsV2(h.clock, { tid: undefined }), "tid does not match issuer tenant"],
      [appClaimsV2(h.clock, { ver: "1.0" }), "ver does not match issuer form"],
      [appClaimsV1(h.clock, { ver: "2.0" }), "ver does not match issuer form"],
      [appClaimsV2(h.clock, { ver: undefined }), "ver does not match issuer form"],
      [appClaimsV2(h.clock, { iss: `${V2_ISS}/` }), "issuer not allowed"],
      [appClaimsV2(h.clock, { iss: V2_ISS.replace("https", "http") }), "issuer not allowed"],
      [appClaimsV2(h.clock, { iss: V2_ISS.toUpperCase() }), "issuer not allowed"],
      [appClaimsV2(h.clock, { iss: `https://login.microsoftonline.us/${TENANT}/v2.0` }), "issuer not allowed"],
      [appClaimsV2(h.clock, { iss: `https://login.microsoftonline.com/common/v2.0` }), "issuer not allowed"],
      [appClaimsV2(h.clock, { iss: [V2_ISS] }), "issuer not allowed"],
    ];
    for (const [claims, reason] of cases) await invalid(h.issuer.sign(claims), reason);
    assert.equal(h.issuer.requests.length, 0);
  });

  it("requires a kid of at most 128 printable characters", async () => {
    h = await startHarness();
    await invalid(h.issuer.sign(appClaimsV2(h.clock), { kid: undefined }), "kid missing");
    for (const kid of ["k".repeat(129), "", "a\nb", "\u00e9", 42, { x: 1 }]) {
      await invalid(h.issuer.sign(appClaimsV2(h.clock), { kid }), "kid invalid");
    }
    assert.equal(h.issuer.requests.length, 0);
  });

  it("never follows jku, x5u, jwk or x5c: the named server gets zero requests", async () => {
    h = await startHarness();
    const jkuUrl = `${attacker.authorityHost}/${TENANT}/discovery/v2.0/keys`;
    const forged = (header: Record<string, unknown>) => attacker.sign(appClaimsV2(h.clock), header);
    await invalid(forged({ jku: jkuUrl }), "header jku not allowed");
    await invalid(forged({ x5u: `${attacker.authorityHost}/cert.pem` }), "header x5u not allowed");
    await invalid(forged({ jwk: JSON.parse(attacker.publicJwkJson()) }), "header jwk not allowed");
    await invalid(forged({ x5c: ["MIIB"] }), "header x5c not allowed");
    await invalid(forged({ crit: ["b64"], b64: false }), "header crit/b64 not allowed");
    assert.equal(attacker.requests.length, 0);
    assert.equal(h.issuer.requests.length, 0);
  });

  it("rejects a huge token, malformed base64url and malformed JSON", async () => {
    h = await startHarness();
    await invalid(h.issuer.sign(appClaimsV2(h.clock, { pad: "x".repeat(13 * 1024) })), "token too large");
    const good = h.issuer.sign(appClaimsV2(h.clock));
    const [header = "", payload = "", signature = ""] = good.split(".");
    const cases: [string, string][] = [
      [`${header}.${payload}`, "not a three-part JWT"],
      [`${good}.x`, "not a three-part JWT"],
      [`${header}=.${payload}.${signature}`, "malformed header"],
      [`${header.replace(/-/g, "+").replace(/_/g, "/")}x.${payload}.${signature}`, "malformed header"],
      [`${header}.${payload}*.${signature}`, "malformed payload"],
      [`${header}.${payload}.${signature}!`, "malformed signature"],
      [`${header}.${b64("{not json")}.${signature}`, "malformed payload"],
      [`${header}.${b64("[1,2]")}.${signature}`, "malformed payload"],
      [`${header}.${b64("null")}.${signature}`, "malformed payload"],
      [`${header}.${Buffer.from([0x7b, 0xff, 0x7d]).toString("base64url")}.${signature}`, "malformed payload"],
      [`${b64("nope")}.${payload}.${signature}`, "malformed header"],
      [`.${payload}.${signature}`, "malformed header"],
      [`${header}.${payload}.`, "signature missing"],
    ];
    for (const [token, reason] of cases) await invalid(token, reason);
    // "e31" decodes to the same bytes as "e30" ("{}") but sets unused bits: only the canonical form passes.
    await invalid(`${header}.e31.${signature}`, "malformed payload");
    await invalid(`${header}.e30.${signature}`, "issuer not allowed");
    assert.equal(h.issuer.requests.length, 0);
  });
});

describe("attacks rejected by signature and claims", () => {
  it("rejects a token signed by another key under the real kid, and a tampered payload", async () => {
    h = await startHarness();
    await invalid(attacker.sign(appClaimsV2(h.clock), { kid: h.issuer.kid }), "signature invalid");
    const [header, , signature] = h.issuer.sign(appClaimsV2(h.clock)).split(".");
    const tampered = b64(appClaimsV2(h.clock, { roles: ["Registry.Admin"] }));
    await invalid(`${header}.${tampered}.${signature}`, "signature invalid");
  });

  it("rejects audience arrays, wrong audiences and a Graph token", async () => {
    h = await startHarness();
    const cases: [unknown, string][] = [
      [[`api://x`, TENANT], "aud not a single string"],
      [[appClaimsV2(h.clock).aud], "aud not a single string"],
      [undefined, "aud not a single string"],
      ["00000003-0000-0000-c000-000000000000", "aud mismatch"],
      ["https://graph.microsoft.com", "aud mismatch"],
      ["api://someone-else", "aud mismatch"],
      [`API://${appClaimsV2(h.clock).aud}`, "aud mismatch"],
    ];
    for (const [aud, reason] of cases) await invalid(h.issuer.sign(appClaimsV2(h.clock, { aud })), reason);
  });

  it("checks exp, nbf, iat with 60 s skew and a 24 h lifetime cap", async () => {
    h = await startHarness();
    const now = h.clock.seconds();
    const sign = (times: Record<string, unknown>) => h.issuer.sign(appClaimsV2(h.clock, times));
    await invalid(sign({ iat: now - 3700, nbf: now - 3700, exp: now - 61 }), "token expired");
    await h.verifier.verify(sign({ iat: now - 3600, nbf: now - 3600, exp: now - 30 }));
    await invalid(sign({ nbf: now + 120 }), "token not yet valid");
    await h.verifier.verify(sign({ nbf: now + 30 }));
    await invalid(sign({ iat: now + 120, nbf: undefined, exp: now + 3600 }), "iat in the future");
    await h.verifier.verify(sign({ iat: now + 30, nbf: undefined, exp: now + 3600 }));
    await invalid(sign({ exp: now + 24 * 3600 + 1 }), "lifetime over 24 h");
    await h.verifier.verify(sign({ exp: now + 24 * 3600 }));
    await invalid(sign({ exp: undefined }), "exp missing or not a number");
    await invalid(sign({ exp: String(now + 60) }), "exp missing or not a number");
    await invalid(sign({ iat: undefined }), "iat missing or not a number");
    await invalid(sign({ nbf: "soon" }), "nbf not a number");
    await invalid(sign({ exp: now + 10, iat: now + 20 }), "exp not after iat");
  });
});
