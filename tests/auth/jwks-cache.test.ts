import assert from "node:assert/strict";
import { generateKeyPairSync, randomUUID } from "node:crypto";
import { afterEach, describe, it } from "node:test";
import { createJwksCache } from "@/lib/auth/entra/jwks-cache";
import { appClaimsV2, rejectsWith, startHarness, TestClock, type Harness } from "./helpers/entra-fixtures";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
let h: Harness;
afterEach(() => h.close());

const token = () => h.issuer.sign(appClaimsV2(h.clock));
const onlyState = () => {
  const [state] = h.keys.state();
  assert.ok(state);
  return state;
};

describe("JWKS cache: warm and outage", () => {
  it("makes no network call with a warm cache", async () => {
    h = await startHarness();
    await h.verifier.verify(token());
    h.clock.advance(30 * MINUTE);
    for (let i = 0; i < 50; i++) await h.verifier.verify(token());
    assert.equal(h.issuer.requests.length, 1);
  });

  it("serves a known kid during a 500 outage and keeps the old keys", async () => {
    h = await startHarness();
    await h.verifier.verify(token());
    h.clock.advance(HOUR + MINUTE);
    h.issuer.setMode("error500");
    await h.verifier.verify(token());
    await h.keys.refresh(h.v2KeysUrl);
    assert.equal(h.issuer.requests.length, 2);
    assert.equal(onlyState().lastError, "http 500");
    assert.equal(onlyState().keyCount, 1);
    await h.verifier.verify(token());
  });

  it("refreshes in the background: a request never waits for a stale-key refresh", async () => {
    h = await startHarness();
    await h.verifier.verify(token());
    h.clock.advance(HOUR + MINUTE);
    h.issuer.setMode("gated");
    await h.verifier.verify(token());
    await h.issuer.waitForRequests(2);
    assert.equal(onlyState().refreshing, true);
    h.issuer.openGate();
    await h.keys.refresh(h.v2KeysUrl);
    assert.equal(onlyState().refreshing, false);
    assert.equal(onlyState().lastError, null);
  });

  it("serves a known kid while the key endpoint hangs; the timeout ends the fetch", async () => {
    h = await startHarness({ cache: { fetchTimeoutMs: 1_000 } });
    await h.verifier.verify(token());
    h.clock.advance(HOUR + MINUTE);
    h.issuer.setMode("hang");
    await h.verifier.verify(token());
    await h.keys.refresh(h.v2KeysUrl);
    assert.equal(onlyState().lastError, "timeout");
    assert.equal(onlyState().keyCount, 1);
  });

  it("answers 503 with Retry-After on a cold cache during an outage, without hammering", async () => {
    h = await startHarness();
    h.issuer.setMode("error500");
    const error = await rejectsWith(h.verifier.verify(token()), "temporarily_unavailable", /http 500/);
    assert.equal(error.status, 503);
    assert.equal(error.retryAfter, 300);
    h.clock.advance(MINUTE);
    const again = await rejectsWith(h.verifier.verify(token()), "temporarily_unavailable");
    assert.equal(again.retryAfter, 240);
    assert.equal(h.issuer.requests.length, 1);
    h.clock.advance(4 * MINUTE);
    h.issuer.setMode("ok");
    await h.verifier.verify(token());
    assert.equal(h.issuer.requests.length, 2);
  });

  it("cuts a hanging fetch on a cold cache with the timeout → 503", async () => {
    h = await startHarness({ cache: { fetchTimeoutMs: 100 } });
    h.issuer.setMode("hang");
    await rejectsWith(h.verifier.verify(token()), "temporarily_unavailable", "no usable keys: timeout");
  });

  it("drops last-known-good keys after 24 h without a successful refresh", async () => {
    h = await startHarness();
    await h.verifier.verify(token());
    h.issuer.setMode("error500");
    h.clock.advance(23 * HOUR);
    await h.verifier.verify(token());
    h.clock.advance(HOUR + MINUTE);
    await rejectsWith(h.verifier.verify(token()), "temporarily_unavailable");
  });
});

describe("JWKS cache: fetch discipline", () => {
  it("makes exactly one fetch for 100 concurrent verifications on a cold cache", async () => {
    h = await startHarness();
    h.issuer.setMode("gated");
    const tokens = Array.from({ length: 100 }, token);
    const pending = tokens.map((t) => h.verifier.verify(t));
    await h.issuer.waitForRequests(1);
    h.issuer.openGate();
    const results = await Promise.all(pending);
    assert.equal(results.length, 100);
    assert.equal(h.issuer.requests.length, 1);
  });

  it("fetches at most once per 5-minute window under an unknown-kid flood", async () => {
    h = await startHarness();
    await h.verifier.verify(token());
    const flood = () => {
      // Signed up front: signing 1000 tokens between verifications would stall the event loop.
      const tokens = Array.from({ length: 300 }, () => h.issuer.sign(appClaimsV2(h.clock), { kid: randomUUID() }));
      return Promise.all(tokens.map((t) => rejectsWith(h.verifier.verify(t), "invalid_token", "unknown kid")));
    };
    await flood();
    assert.equal(h.issuer.requests.length, 1, "the window counts from the warm-up fetch");
    h.clock.advance(5 * MINUTE);
    await flood();
    assert.equal(h.issuer.requests.length, 2);
    h.clock.advance(4 * MINUTE);
    await flood();
    assert.equal(h.issuer.requests.length, 2);
  });

  it("counts the window from the last attempt, even a failed one", async () => {
    h = await startHarness();
    await h.verifier.verify(token());
    h.clock.advance(HOUR + MINUTE);
    h.issuer.setMode("error500");
    await h.keys.refresh(h.v2KeysUrl);
    h.issuer.setMode("ok");
    h.clock.advance(4 * MINUTE);
    await rejectsWith(
      h.verifier.verify(h.issuer.sign(appClaimsV2(h.clock), { kid: "new" })),
      "invalid_token",
      "unknown kid",
    );
    assert.equal(h.issuer.requests.length, 2);
  });

  it("follows a key rotation with one refresh", async () => {
    h = await startHarness();
    const before = token();
    await h.verifier.verify(before);
    h.clock.advance(5 * MINUTE);
    h.issuer.rotate();
    const verified = await h.verifier.verify(token());
    assert.equal(verified.kind, "app");
    assert.equal(h.issuer.requests.length, 2);
    await rejectsWith(h.verifier.verify(before), "invalid_token", "unknown kid");
    assert.equal(h.issuer.requests.length, 2);
  });

  for (const mode of ["empty", "garbage"] as const) {
    it(`keeps good keys when the key set is ${mode}`, async () => {
      h = await startHarness();
      await h.verifier.verify(token());
      h.clock.advance(HOUR + MINUTE);
      h.issuer.setMode(mode);
      await h.keys.refresh(h.v2KeysUrl);
      assert.match(onlyState().lastError ?? "", mode === "empty" ? /no usable RS256 keys/ : /not JSON/);
      assert.equal(onlyState().keyCount, 1);
      await h.verifier.verify(token());
    });
  }

  it("reports state without secrets", async () => {
    h = await startHarness();
    await h.verifier.verify(token());
    assert.deepEqual(h.keys.state(), [
      {
        url: h.v2KeysUrl,
        keyCount: 1,
        lastSuccessAt: new Date(h.clock.ms).toISOString(),
        lastAttemptAt: new Date(h.clock.ms).toISOString(),
        lastError: null,
        refreshing: false,
      },
    ]);
  });
});

describe("JWKS cache: key filtering", () => {
  it("uses only RSA signing keys usable for RS256", async () => {
    const rsa = (kid: string, extra: object = {}) => ({
      ...generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ format: "jwk" }),
      kid,
      ...extra,
    });
    const ec = { ...generateKeyPairSync("ec", { namedCurve: "P-256" }).publicKey.export({ format: "jwk" }), kid: "ec" };
    const body = JSON.stringify({
      keys: [
        ec,
        rsa("enc", { use: "enc" }),
        rsa("rs384", { alg: "RS384" }),
        { kty: "RSA", kid: "broken", n: "AQAB", e: "x" },
        rsa("good"),
      ],
    });
    const clock = new TestClock();
    const cache = createJwksCache({ now: clock.now, fetch: async () => new Response(body) });
    const url = "https://keys.test/t/discovery/v2.0/keys";
    assert.ok(await cache.getKey(url, "good"));
    for (const kid of ["ec", "enc", "rs384", "broken"]) {
      await rejectsWith(cache.getKey(url, kid), "invalid_token", "unknown kid");
    }
    assert.equal(cache.state()[0]?.keyCount, 1);
  });
});
