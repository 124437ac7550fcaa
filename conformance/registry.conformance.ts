import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startFakeEntraIssuer } from "@/tests/support/fake-entra-issuer";
import { conformEntraRejections } from "./entra-rejections";
import { conformIssue9Fixes } from "./issue-9-fixes";
import { conformIssuerFailures } from "./issuer-failures";
import { conformKeyRotation } from "./key-rotation";
import { conformMultiInstance } from "./multi-instance";
import { leakedCredentialPieces } from "./support/http-recorder";
import { COLD_TENANTS, databaseKind, setUpSuite, suite, tearDownSuite } from "./support/suite";

/**
 * The conformance suite: a black box over HTTP against the production build started as users
 * start it (`npm start`), with a loopback fake Entra issuer as ENTRA_AUTHORITY_HOST. One run per
 * database (CONFORMANCE_DATABASE=sqlite|postgresql); `npm run test:conformance` runs both.
 * The topics run in this order: each leaves the key caches in the state the next one expects.
 */
describe(`conformance on ${databaseKind()}`, () => {
  before(async () => {
    await setUpSuite(await startFakeEntraIssuer(), await startFakeEntraIssuer());
  });
  after(async () => {
    await tearDownSuite();
    await suite.issuer?.close();
    await suite.attacker?.close();
  });

  conformEntraRejections();
  conformIssue9Fixes();
  conformIssuerFailures();
  conformKeyRotation();
  conformMultiInstance();

  describe("whole run", () => {
    it("every error answer has the SPEC §6 shape; no 5xx other than 503", () => {
      assert.ok(suite.recorder.exchanges.length > 200, `${suite.recorder.exchanges.length} responses`);
      suite.recorder.assertErrorContract();
    });

    it("no token, and no 16-character piece of one (nor of the private key members a key set carried), reaches the server log", async () => {
      const log = suite.registries.map((registry) => registry.output()).join("\n");
      assert.match(log, /authentication failed/, "the log was captured");
      const secrets = new Set(suite.recorder.credentials);
      const keySet = (await (
        await fetch(`${suite.issuer.authorityHost}/${COLD_TENANTS["private-key"]}/discovery/v2.0/keys`)
      ).json()) as { keys: Record<string, string>[] };
      for (const jwk of keySet.keys)
        for (const member of ["d", "p", "q", "dp", "dq", "qi"]) if (jwk[member]) secrets.add(jwk[member]);
      assert.ok(secrets.size > suite.recorder.credentials.size, "the private members were collected");
      assert.deepEqual(leakedCredentialPieces(log, secrets), []);
    });
  });
});
