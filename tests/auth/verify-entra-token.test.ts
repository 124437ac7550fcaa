import assert from "node:assert/strict";
import { afterEach, describe, it } from "node:test";
import {
  API_CLIENT_ID,
  CALLER_APP_ID,
  CALLER_OID,
  TENANT,
  USER_OID,
  appClaimsV1,
  appClaimsV2,
  delegatedClaimsV2,
  rejectsWith,
  startHarness,
  type Harness,
} from "./helpers/entra-fixtures";

let h: Harness;
afterEach(() => h.close());

describe("verify: accepted tokens and caller classification", () => {
  it("accepts a v2 app-only token", async () => {
    h = await startHarness();
    const verified = await h.verifier.verify(h.issuer.sign(appClaimsV2(h.clock, { groups: ["g1"] })));
    assert.deepEqual(verified, {
      kind: "app",
      tenantId: TENANT,
      objectId: CALLER_OID,
      appId: CALLER_APP_ID,
      roles: ["Registry.Read"],
      groups: ["g1"],
      groupsOverage: false,
      version: 2,
      expiresAt: h.clock.seconds() + 3600,
    });
    assert.deepEqual(h.issuer.requests, [`/${TENANT}/discovery/v2.0/keys`]);
  });

  it("accepts a v1 app-only token, app id from appid, keys from the v1 key set", async () => {
    h = await startHarness();
    const verified = await h.verifier.verify(h.issuer.sign(appClaimsV1(h.clock)));
    assert.equal(verified.kind, "app");
    assert.equal(verified.appId, CALLER_APP_ID);
    assert.equal(verified.version, 1);
    assert.deepEqual(h.issuer.requests, [`/${TENANT}/discovery/keys`]);
  });

  it("classifies oid == sub without scp (and without idtyp) as app-only", async () => {
    h = await startHarness();
    const verified = await h.verifier.verify(h.issuer.sign(appClaimsV2(h.clock, { idtyp: undefined })));
    assert.equal(verified.kind, "app");
  });

  it("classifies a token with scp as delegated", async () => {
    h = await startHarness();
    const verified = await h.verifier.verify(h.issuer.sign(delegatedClaimsV2(h.clock)));
    assert.equal(verified.kind, "delegated");
    assert.equal(verified.objectId, USER_OID);
    assert.equal(verified.kind === "delegated" && verified.scopes.join(","), "Registry.Use,tokens.create");
  });

  it("rejects a token that is neither app-only nor delegated", async () => {
    h = await startHarness();
    const claims = appClaimsV2(h.clock, { idtyp: "user", sub: "someone-else" });
    await rejectsWith(h.verifier.verify(h.issuer.sign(claims)), "invalid_token", "neither app-only nor delegated");
  });

  it("rejects idtyp app together with scp", async () => {
    h = await startHarness();
    const claims = appClaimsV2(h.clock, { scp: "x" });
    await rejectsWith(h.verifier.verify(h.issuer.sign(claims)), "invalid_token", "idtyp app with scp");
  });

  it("rejects missing oid, missing azp/appid, malformed roles and groups", async () => {
    h = await startHarness();
    const cases: [Record<string, unknown>, string][] = [
      [appClaimsV2(h.clock, { oid: undefined }), "oid missing"],
      [appClaimsV2(h.clock, { azp: undefined }), "azp missing"],
      [appClaimsV1(h.clock, { appid: undefined }), "appid missing"],
      [appClaimsV2(h.clock, { roles: "Registry.Read" }), "roles malformed"],
      [appClaimsV2(h.clock, { groups: [1] }), "groups malformed"],
    ];
    for (const [claims, reason] of cases) {
      await rejectsWith(h.verifier.verify(h.issuer.sign(claims)), "invalid_token", reason);
    }
  });

  it("flags the groups-overage marker", async () => {
    h = await startHarness();
    const claims = appClaimsV2(h.clock, {
      _claim_names: { groups: "src1" },
      _claim_sources: { src1: { endpoint: "https://graph.microsoft.com/v1.0/x" } },
    });
    const verified = await h.verifier.verify(h.issuer.sign(claims));
    assert.equal(verified.groupsOverage, true);
    assert.deepEqual(verified.groups, []);
  });

  it("accepts the three audience forms", async () => {
    h = await startHarness();
    for (const aud of [API_CLIENT_ID, `api://${API_CLIENT_ID}`, "https://registry.example.com"]) {
      await h.verifier.verify(h.issuer.sign(appClaimsV2(h.clock, { aud })));
    }
  });
});

describe("verify: requireAppRole", () => {
  it("403s an app-only token without the role", async () => {
    h = await startHarness({ verifier: { requireAppRole: "Registry.Admin" } });
    const error = await rejectsWith(h.verifier.verify(h.issuer.sign(appClaimsV2(h.clock))), "forbidden");
    assert.equal(error.status, 403);
  });

  it("accepts an app-only token with the role, and does not apply it to delegated tokens", async () => {
    h = await startHarness({ verifier: { requireAppRole: "Registry.Admin" } });
    await h.verifier.verify(h.issuer.sign(appClaimsV2(h.clock, { roles: ["Registry.Admin"] })));
    await h.verifier.verify(h.issuer.sign(delegatedClaimsV2(h.clock)));
  });
});

describe("isEntraToken", () => {
  it("is true only for a three-part JWT with a configured issuer, with no I/O", async () => {
    h = await startHarness();
    assert.equal(h.verifier.isEntraToken(h.issuer.sign(appClaimsV2(h.clock))), true);
    assert.equal(h.verifier.isEntraToken(h.issuer.sign(appClaimsV1(h.clock))), true);
    const foreign = appClaimsV2(h.clock, {
      iss: "https://login.microsoftonline.com/22222222-2222-4222-8222-222222222222/v2.0",
    });
    assert.equal(h.verifier.isEntraToken(h.issuer.sign(foreign)), false);
    for (const junk of ["", "mcpr_abc", "a.b.c", "a.b", "....", "x".repeat(20_000), "eyJ9.eyJ9.eyJ9"]) {
      assert.equal(h.verifier.isEntraToken(junk), false);
    }
    assert.equal(h.issuer.requests.length, 0);
  });
});
