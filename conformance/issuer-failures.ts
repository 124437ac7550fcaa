import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { setTimeout as delay } from "node:timers/promises";
import type { JwksMode } from "@/tests/support/fake-entra-issuer";
import { assertInvalidToken } from "./entra-rejections";
import { COLD_APP, COLD_FAILURE_MODES, COLD_TENANTS, TENANT, suite } from "./support/suite";

const REFRESH_WINDOW_MS = 5 * 60 * 1000 + 1000;
const COLD_BUDGET_MS = 6_500;

/** Bounded poll of /api/health until no key fetch is in flight (the start-up warm-up included). */
async function waitForKeyFetchesToSettle(): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const health = await suite.call("/api/health", {}, "health poll");
    const states: unknown = health.json?.entraKeys;
    assert.ok(
      Array.isArray(states),
      `/api/health reports the key-cache state per tenant (SPEC §5): ${health.text.slice(0, 200)}`,
    );
    if (!states.some((state: { refreshing?: unknown }) => state.refreshing === true)) return;
    await delay(100);
  }
  assert.fail("key fetches still in flight after 10 s");
}

function assertUnavailable(status: number, code: unknown, retryAfter: string | null, what: string): void {
  assert.equal(status, 503, what);
  assert.equal(code, "temporarily_unavailable", what);
  assert.match(retryAfter ?? "", /^[1-9]\d*$/, `${what}: Retry-After`);
}

export function conformIssuerFailures(): void {
  describe("SPEC §2.3 step 5: the identity provider failing", () => {
    it("links an M2M account in each cold tenant (that needs no keys)", async () => {
      for (const tenant of Object.values(COLD_TENANTS)) {
        const created = await suite.call(
          "/api/iam/m2m-accounts",
          {
            method: "POST",
            token: suite.adminToken(),
            body: { tenantId: tenant, clientId: COLD_APP, name: `cold ${tenant.slice(0, 8)}` },
          },
          "link cold app",
        );
        assert.equal(created.status, 201, created.text);
      }
    });

    const cold = Object.entries(COLD_FAILURE_MODES) as [keyof typeof COLD_FAILURE_MODES, JwksMode][];
    const coldRequests = (tenant: string, label: string) =>
      Promise.all(
        Array.from({ length: 5 }, () => suite.call("/api/me", { token: suite.tokens.app(COLD_APP, tenant) }, label)),
      );

    it("cold tenants (the start-up warm-up failed: hang, 500, reset, invalid JSON, empty set): 503 with Retry-After at once, no new fetch", async () => {
      await waitForKeyFetchesToSettle();
      await Promise.all(
        cold.map(async ([name, mode]) => {
          const tenant = COLD_TENANTS[name];
          const before = suite.issuer.requestsFor(tenant).length;
          assert.equal(before, 2, `${mode}: the start-up warm-up tried v1 and v2 once each`);
          for (const r of await coldRequests(tenant, `cold ${mode}`)) {
            assertUnavailable(r.status, r.json?.error?.code, r.headers.get("retry-after"), `cold ${mode}`);
            assert.ok(r.ms < 3_000, `cold ${mode} inside the window took ${Math.round(r.ms)} ms`);
          }
          assert.equal(
            suite.issuer.requestsFor(tenant).length,
            before,
            `cold ${mode}: no fetch inside the refresh window`,
          );
        }),
      );
    });

    it(`cold tenants after the refresh window: five concurrent requests share one fetch and get 503 within ${COLD_BUDGET_MS / 1000} s (a slow endpoint: 200)`, async () => {
      suite.issuer.setMode("slow", COLD_TENANTS.slow);
      await suite.advanceClock(REFRESH_WINDOW_MS);
      await Promise.all(
        cold.map(async ([name, mode]) => {
          const tenant = COLD_TENANTS[name];
          const before = suite.issuer.requestsFor(tenant).length;
          const started = performance.now();
          const responses = await coldRequests(tenant, `cold ${name} after window`);
          const elapsed = performance.now() - started;
          if (name === "slow") {
            for (const r of responses) assert.equal(r.status, 200, r.text);
          } else {
            for (const r of responses)
              assertUnavailable(r.status, r.json?.error?.code, r.headers.get("retry-after"), `cold ${mode}`);
          }
          assert.ok(elapsed < COLD_BUDGET_MS, `cold ${name}: answered after ${Math.round(elapsed)} ms`);
          assert.equal(
            suite.issuer.requestsFor(tenant).length - before,
            1,
            `cold ${name}: one fetch for five requests`,
          );
        }),
      );
    });

    it("a key set that carries private members: only the public key is used; nothing private is echoed", async () => {
      const tenant = COLD_TENANTS["private-key"];
      const response = await suite.call("/api/me", { token: suite.tokens.app(COLD_APP, tenant) }, "private-key set");
      assert.equal(response.status, 200, response.text);
      const health = await suite.call("/api/health", {}, "health after private key set");
      assert.equal(health.status, 200);
      assert.doesNotMatch(health.text, /"(d|p|q|dp|dq|qi)"\s*:/);
    });

    const warmModes: JwksMode[] = ["error500", "reset", "garbage", "empty", "private-key", "slow", "hang"];
    it(`warm tenant, key endpoint ${warmModes.join(" / ")}: known keys keep working; an unknown kid costs one refresh attempt`, async () => {
      for (const mode of warmModes) {
        suite.issuer.setMode(mode, TENANT);
        await suite.advanceClock(REFRESH_WINDOW_MS);
        const before = suite.issuer.requestsFor(TENANT).length;
        const total = suite.issuer.requests.length;
        const unknown = suite.call(
          "/api/me",
          { token: suite.issuer.sign(suite.tokens.appV2Claims(), { kid: `kid-rotated-away-${mode}` }) },
          `warm ${mode} unknown kid`,
        );
        // The valid token goes once the refresh is in flight, to show it does not wait for it.
        await Promise.race([suite.issuer.waitForRequests(total + 1), unknown]);
        const valid = await suite.call("/api/me", { token: suite.tokens.app() }, `warm ${mode} valid`);
        assert.equal(valid.status, 200, `warm ${mode}: ${valid.text}`);
        assert.ok(valid.ms < 3_000, `warm ${mode}: a valid token waited ${Math.round(valid.ms)} ms`);
        assertInvalidToken(await unknown, `warm ${mode} unknown kid`);
        assert.equal(suite.issuer.requestsFor(TENANT).length - before, 1, `warm ${mode}: one refresh attempt`);
      }
      suite.issuer.setMode("ok", TENANT);
      const health = await suite.call("/api/health", {}, "health after outages");
      assert.equal(health.status, 200);
    });
  });
}
