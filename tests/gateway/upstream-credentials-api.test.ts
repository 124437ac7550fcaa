import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { upstreamCredentialRoutes } from "@/lib/api/routes/upstream-credentials";
import { catalogRoutes } from "@/lib/api/routes/catalog";
import { DEMO, startApiRegistry, type ApiRegistry } from "../api/support/api-registry";
import { runRoute, type As } from "./support/run-route";

let reg: ApiRegistry;
let admin: As;
let payments: As;
const PATH = "/api/servers/{slug}/upstream-credentials";
const SECRET = "Bearer sk-live-4e5f6a7b8c9d";

before(async () => {
  reg = await startApiRegistry({ REGISTRY_SECRETS_KEY: randomBytes(32).toString("base64") });
  admin = { session: await reg.session(reg.userIds.adele) };
  payments = { bearer: reg.appToken(DEMO.apps.payments) };
});
after(async () => reg?.close());

describe("PUT/GET/DELETE /api/servers/{slug}/upstream-credentials", () => {
  test("set: the answer and every later read show header names, never a value; audited without the value", async () => {
    const set = await runRoute(upstreamCredentialRoutes, "PUT", PATH, {
      as: admin,
      params: { slug: "github" },
      body: { headers: { Authorization: SECRET, "X-API-Key": "key-1" } },
    });
    assert.equal(set.status, 200, set.text);
    assert.equal(set.json.hasUpstreamCredentials, true);
    assert.deepEqual(set.json.headerNames, ["authorization", "x-api-key"]);
    assert.equal(set.json.updatedBy, "Adele Vance");
    const read = await runRoute(upstreamCredentialRoutes, "GET", PATH, { as: admin, params: { slug: "github" } });
    assert.deepEqual(read.json.headerNames, ["authorization", "x-api-key"]);
    const server = await runRoute(catalogRoutes, "GET", "/api/servers/{slug}", {
      as: admin,
      params: { slug: "github" },
    });
    for (const text of [set.text, read.text, server.text]) {
      assert.ok(!text.includes("sk-live") && !text.includes("key-1"), "no value in any answer");
    }
    const audit = await reg.db.auditEvent.findFirstOrThrow({ where: { action: "server.upstream_credentials.set" } });
    assert.equal(audit.targetName, "github");
    assert.ok(!JSON.stringify(audit).includes("sk-live"));
  });

  test("delete: 204, then hasUpstreamCredentials is false; audited", async () => {
    const cleared = await runRoute(upstreamCredentialRoutes, "DELETE", PATH, { as: admin, params: { slug: "github" } });
    assert.equal(cleared.status, 204);
    const read = await runRoute(upstreamCredentialRoutes, "GET", PATH, { as: admin, params: { slug: "github" } });
    assert.deepEqual(read.json, { hasUpstreamCredentials: false, headerNames: [], updatedAt: null, updatedBy: null });
    assert.equal(await reg.db.auditEvent.count({ where: { action: "server.upstream_credentials.clear" } }), 1);
  });

  test("visibility before permission: invisible or absent → 404, visible without servers:write → 403", async () => {
    const body = { headers: { Authorization: SECRET } };
    const invisible = await runRoute(upstreamCredentialRoutes, "PUT", PATH, {
      as: payments,
      params: { slug: "slack" },
      body,
    });
    const absent = await runRoute(upstreamCredentialRoutes, "PUT", PATH, {
      as: payments,
      params: { slug: "no-such-server" },
      body,
    });
    assert.equal(invisible.status, 404);
    assert.equal(absent.status, 404);
    assert.equal(
      invisible.json.error.message.replace("slack", "X"),
      absent.json.error.message.replace("no-such-server", "X"),
    );
    const visible = await runRoute(upstreamCredentialRoutes, "PUT", PATH, {
      as: payments,
      params: { slug: "github" },
      body,
    });
    assert.equal(visible.status, 403);
    assert.equal(
      (await runRoute(upstreamCredentialRoutes, "GET", PATH, { as: payments, params: { slug: "github" } })).status,
      403,
    );
  });

  test("reserved or malformed headers are refused with 422 naming them", async () => {
    for (const headers of [
      { Host: "evil" },
      { "Mcp-Session-Id": "x" },
      { "Bad Name": "x" },
      { Authorization: "a\r\nX-Injected: 1" },
      {},
    ]) {
      const answer = await runRoute(upstreamCredentialRoutes, "PUT", PATH, {
        as: admin,
        params: { slug: "github" },
        body: { headers },
      });
      assert.equal(answer.status, 422, JSON.stringify(headers));
      assert.equal(answer.json.error.code, "validation_failed");
    }
  });
});
