import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { assertInvalidToken } from "./entra-rejections";
import { TENANT, suite } from "./support/suite";

const REFRESH_WINDOW_MS = 5 * 60 * 1000 + 1000;
const v2Keys = () => suite.issuer.requestsFor(TENANT).filter((path) => path.includes("/v2.0/")).length;

export function conformKeyRotation(): void {
  describe("SPEC §2.3 step 5: key rotation and unknown-kid floods", () => {
    it("a new signing key is accepted after at most one refresh; old-key tokens keep working while both are published", async () => {
      const oldKid = suite.issuer.kid;
      suite.issuer.rotate({ keepOld: true });
      await suite.advanceClock(REFRESH_WINDOW_MS);
      const before = v2Keys();
      const fresh = await suite.call("/api/me", { token: suite.tokens.app() }, "new key");
      assert.equal(fresh.status, 200, fresh.text);
      assert.equal(v2Keys() - before, 1, "one refresh");

      const old = await suite.call(
        "/api/me",
        { token: suite.issuer.sign(suite.tokens.appV2Claims(), {}, oldKid) },
        "old key",
      );
      assert.equal(old.status, 200, old.text);
      const again = await suite.call("/api/me", { token: suite.tokens.app() }, "new key again");
      assert.equal(again.status, 200, again.text);
      assert.equal(v2Keys() - before, 1, "no further fetch");
    });

    it("50 concurrent unknown kids cause at most one refresh per 5 minutes", async () => {
      await suite.advanceClock(REFRESH_WINDOW_MS);
      const flood = (round: number) =>
        Promise.all(
          Array.from({ length: 50 }, (_, i) =>
            suite.call(
              "/api/me",
              { token: suite.issuer.sign(suite.tokens.appV2Claims(), { kid: `kid-flood-${round}-${i}` }) },
              `flood ${round}`,
            ),
          ),
        );
      const before = v2Keys();
      for (const response of await flood(1)) assertInvalidToken(response, "flood 1");
      assert.ok(v2Keys() - before <= 1, `${v2Keys() - before} refreshes`);
      const afterFirst = v2Keys();
      for (const response of await flood(2)) assertInvalidToken(response, "flood 2");
      assert.equal(v2Keys(), afterFirst, "the second flood inside the window fetches nothing");
      const valid = await suite.call("/api/me", { token: suite.tokens.app() }, "valid after flood");
      assert.equal(valid.status, 200, valid.text);
    });
  });
}
