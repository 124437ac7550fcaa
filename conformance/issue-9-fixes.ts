import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { SECOND_ADMIN_APP, suite } from "./support/suite";

const LISTS = [
  "/api/servers",
  "/api/tools",
  "/api/iam/groups",
  "/api/iam/users",
  "/api/iam/m2m-accounts",
  "/api/audit",
];

export function conformIssue9Fixes(): void {
  describe("issue #9 findings, over HTTP", () => {
    it("a malformed session cookie is an unknown session: 401 unauthorized, never 500", async () => {
      for (const path of ["/api/me", "/api/servers"]) {
        const response = await suite.call(path, { cookie: "registry_session=%E0%A4%A" }, "malformed cookie");
        assert.equal(response.status, 401, response.text);
        assert.equal(response.json.error.code, "unauthorized");
        assert.match(
          response.headers.get("www-authenticate") ?? "",
          /^Bearer realm="mcp-registry", resource_metadata="[^"]+\/\.well-known\/oauth-protected-resource"$/,
        );
      }
      const other = await suite.call(
        "/api/me",
        { cookie: 'theme=%ZZ; registry_session="%"; x=%' },
        "malformed cookies",
      );
      assert.equal(other.status, 401, other.text);
      const page = await suite.call("/", { cookie: "registry_session=%E0%A4%A" }, "malformed cookie on a page");
      assert.ok(page.status < 500, `page answered ${page.status}`);
    });

    it("a cursor the API did not issue is 422 validation_failed naming cursor, on every list", async () => {
      const token = suite.adminToken();
      for (const path of LISTS) {
        for (const cursor of [
          "%00garbage%ff",
          "bm90LWpzb24",
          Buffer.from('{"a":1}').toString("base64url"),
          Buffer.from("[1,2]").toString("base64url"),
          Buffer.from('["a","b","c"]').toString("base64url"),
        ]) {
          const response = await suite.call(`${path}?cursor=${cursor}`, { token }, "bad cursor");
          assert.equal(response.status, 422, `${path}?cursor=${cursor}: ${response.text}`);
          assert.equal(response.json.error.code, "validation_failed");
          assert.match(response.json.error.message, /cursor/);
          assert.deepEqual(
            response.json.error.fields.map((f: { path: string }) => f.path),
            ["cursor"],
          );
        }
      }
      const timeKeyed = await suite.call(
        `/api/audit?cursor=${Buffer.from('["not a time","x"]').toString("base64url")}`,
        { token },
        "audit cursor with a bad time",
      );
      assert.equal(timeKeyed.status, 422, timeKeyed.text);
    });

    it("cursors the API issued page through a list", async () => {
      const token = suite.adminToken();
      const first = await suite.call("/api/iam/m2m-accounts?limit=1", { token }, "page 1");
      assert.equal(first.status, 200, first.text);
      assert.equal(typeof first.json.nextCursor, "string");
      const second = await suite.call(
        `/api/iam/m2m-accounts?limit=1&cursor=${first.json.nextCursor}`,
        { token },
        "page 2",
      );
      assert.equal(second.status, 200, second.text);
      assert.notEqual(second.json.items[0].id, first.json.items[0].id);
      const audit = await suite.call("/api/audit?limit=1", { token }, "audit page 1");
      const auditNext = await suite.call(
        `/api/audit?limit=1&cursor=${audit.json.nextCursor}`,
        { token },
        "audit page 2",
      );
      assert.equal(auditNext.status, 200, auditNext.text);
    });

    it("explain on an expired Entra token names the failing exp step", async () => {
      const now = suite.tokens.nowSeconds();
      const expired = suite.issuer.sign(
        suite.tokens.appV2Claims({ iat: now - 7200, nbf: now - 7200, exp: now - 3600 }),
      );
      const response = await suite.call(
        "/api/iam/explain",
        { method: "POST", token: suite.adminToken(), body: { token: expired } },
        "explain expired",
      );
      assert.equal(response.status, 200, response.text);
      const steps = response.json.verdict.steps as { step: string; ok: boolean; detail: string }[];
      assert.equal(response.json.verdict.allowed, false);
      const failed = steps.filter((s) => !s.ok);
      assert.deepEqual(
        failed.map((s) => s.step),
        ["exp"],
        JSON.stringify(steps),
      );
      assert.match(failed[0]!.detail, /401 invalid_token: token expired/);
      assert.ok(
        steps.some((s) => s.step === "signature" && s.ok),
        "the signature step passed before exp",
      );
      suite.recorder.credentials.add(expired);
    });

    it("explain names the failing step for every other kind of bad token too", async () => {
      const { issuer, tokens } = suite;
      const now = tokens.nowSeconds();
      const cases: [string, string][] = [
        ["issuer", issuer.sign(tokens.appV2Claims({ tid: "22222222-2222-4222-8222-222222222222" }))],
        ["header", issuer.sign(tokens.appV2Claims(), { alg: "RS384" })],
        ["keys", issuer.sign(tokens.appV2Claims(), { kid: "kid-never-published" })],
        ["signature", suite.attacker.sign(tokens.appV2Claims(), { kid: issuer.kid })],
        ["iat", issuer.sign(tokens.appV2Claims({ iat: now + 300, exp: now + 3900 }))],
        ["nbf", issuer.sign(tokens.appV2Claims({ nbf: now + 300 }))],
        ["lifetime", issuer.sign(tokens.appV2Claims({ exp: now + 25 * 3600 }))],
        ["aud", issuer.sign(tokens.appV2Claims({ aud: "https://graph.microsoft.com" }))],
        ["caller", issuer.sign(tokens.appV2Claims({ scp: "Registry.Use" }))],
      ];
      for (const [step, token] of cases) {
        const response = await suite.call(
          "/api/iam/explain",
          { method: "POST", token: suite.adminToken(), body: { token } },
          `explain ${step}`,
        );
        assert.equal(response.status, 200, response.text);
        const failed = response.json.verdict.steps
          .filter((s: { ok: boolean }) => !s.ok)
          .map((s: { step: string }) => s.step);
        assert.deepEqual(failed, [step], JSON.stringify(response.json.verdict.steps));
        suite.recorder.credentials.add(token);
      }
    });

    it("an admin disables the second bootstrap M2M admin; it is refused at once", async () => {
      const second = suite.tokens.app(SECOND_ADMIN_APP);
      assert.equal((await suite.call("/api/me", { token: second }, "second admin before")).status, 200);
      const list = await suite.call(
        `/api/iam/m2m-accounts?q=${SECOND_ADMIN_APP.slice(0, 8)}&limit=200`,
        { token: suite.adminToken() },
        "find bootstrap accounts",
      );
      const account = list.json.items.find((item: { clientId: string }) => item.clientId === SECOND_ADMIN_APP);
      assert.ok(account, list.text);
      const disabled = await suite.call(
        `/api/iam/m2m-accounts/${account.id}`,
        { method: "PATCH", token: suite.adminToken(), body: { enabled: false } },
        "disable second admin",
      );
      assert.equal(disabled.status, 200, disabled.text);
      const refused = await suite.call(
        "/api/me",
        { token: suite.tokens.app(SECOND_ADMIN_APP) },
        "second admin disabled",
      );
      assert.equal(refused.status, 403, refused.text);
      assert.equal(refused.json.error.code, "client_not_registered");
    });
  });
}
