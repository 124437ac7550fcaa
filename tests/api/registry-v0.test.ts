import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { DEMO, startApiRegistry, type ApiRegistry } from "./support/api-registry";
import { assertError, comparableError } from "./support/assert-error";
import { call, expectStatus, REGISTRY_ORIGIN, type Credential } from "./support/call";
import { dispatch } from "./support/routes";
import { assertServerJson, assertServerResponse } from "./support/server-json-schema";

let reg: ApiRegistry;
let admin: Credential;
let payments: Credential;
let catalogReader: Credential;

const ALL = [
  "confluence",
  "github",
  "jira",
  "kubernetes-prod",
  "postgres-analytics",
  "sentry",
  "slack",
  "stripe-payments",
  "web-search",
];
const names = (response: { json: { servers: { server: { name: string } }[] } }) =>
  response.json.servers.map((entry) => entry.server.name);
const derived = (slugs: readonly string[]) => slugs.map((slug) => `localhost/${slug}`);

before(async () => {
  reg = await startApiRegistry();
  admin = { session: await reg.session(reg.userIds.adele) };
  payments = { bearer: reg.appToken(DEMO.apps.payments) };
  catalogReader = { bearer: reg.appToken(DEMO.apps.catalogSync, { roles: ["Registry.Read"] }) };
});
after(async () => reg?.close());

describe("GET /v0.1/servers", () => {
  test("no credential → 401 whose challenge names the RFC 9728 metadata", async () => {
    const refused = await call("GET", "/v0.1/servers");
    assertError(refused, 401, "unauthorized");
    assert.equal(
      refused.headers.get("www-authenticate"),
      `Bearer realm="mcp-registry", resource_metadata="${REGISTRY_ORIGIN}/.well-known/oauth-protected-resource"`,
    );
  });

  test("each caller sees exactly what /api/servers shows it, as valid server.json", async () => {
    for (const [who, as, expected] of [
      ["admin", admin, ALL],
      ["team-payments", payments, DEMO.paymentsServers],
      ["catalog-readers", catalogReader, DEMO.enabledServers],
    ] as const) {
      const official = await expectStatus(200, "GET", "/v0.1/servers", { as, query: "?limit=100" });
      const native = await expectStatus(200, "GET", "/api/servers", { as, query: "?limit=200" });
      assert.deepEqual(names(official), derived(expected), who);
      assert.deepEqual(names(official), derived(native.json.items.map((item: { slug: string }) => item.slug)), who);
      assert.equal(official.json.metadata.count, expected.length);
      assert.equal(official.json.metadata.nextCursor, undefined);
      for (const entry of official.json.servers) assertServerResponse(entry);
    }
  });

  test("a server.json carries the catalog's fields and the gateway as its remote", async () => {
    const { json } = await expectStatus(200, "GET", "/v0.1/servers", {
      as: admin,
      query: { search: "localhost/github" },
    });
    const github = json.servers[0].server;
    assert.equal(github.$schema, "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json");
    assert.equal(github.name, "localhost/github");
    assert.equal(github.title, "GitHub");
    assert.equal(github.version, "2.4.1");
    assert.deepEqual(
      github.remotes.map((r: { type: string; url: string }) => [r.type, r.url]),
      [["streamable-http", `${REGISTRY_ORIGIN}/mcp/github`]],
    );
    assert.equal(github.remotes[0].headers[0].name, "Authorization");
    assert.equal(github.remotes[0].headers[0].isSecret, true);
  });

  test("paging: cursor and limit walk every visible server once", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await expectStatus(200, "GET", "/v0.1/servers", {
        as: admin,
        query: { limit: "4", ...(cursor ? { cursor } : {}) },
      });
      assert.ok(page.json.servers.length <= 4);
      assert.equal(page.json.metadata.count, page.json.servers.length);
      seen.push(...names(page));
      cursor = page.json.metadata.nextCursor;
      pages += 1;
    } while (cursor);
    assert.equal(pages, 3);
    assert.deepEqual(seen, derived(ALL));
    assertError(
      await call("GET", "/v0.1/servers", { as: admin, query: "?cursor=not-a-cursor" }),
      422,
      "validation_failed",
    );
    assertError(await call("GET", "/v0.1/servers", { as: admin, query: "?limit=101" }), 422, "validation_failed");
  });

  test("search matches the name, the display name or the derived name; never beyond visibility", async () => {
    assert.deepEqual(
      names(await expectStatus(200, "GET", "/v0.1/servers", { as: admin, query: { search: "stripe" } })),
      ["localhost/stripe-payments"],
    );
    assert.deepEqual(
      names(await expectStatus(200, "GET", "/v0.1/servers", { as: admin, query: { search: "Analytics" } })),
      ["localhost/postgres-analytics"],
    );
    assert.deepEqual(
      names(await expectStatus(200, "GET", "/v0.1/servers", { as: payments, query: { search: "slack" } })),
      [],
    );
  });

  test("updated_since (RFC 3339) lists only servers changed since then; version=latest lists all", async () => {
    const future = await expectStatus(200, "GET", "/v0.1/servers", {
      as: admin,
      query: { updated_since: "2999-01-01T00:00:00Z" },
    });
    assert.deepEqual(names(future), []);
    const since = new Date(Date.now() - 1).toISOString();
    await expectStatus(200, "PATCH", "/api/servers/{slug}", {
      as: admin,
      params: { slug: "jira" },
      body: { description: "Edited for updated_since." },
    });
    assert.deepEqual(
      names(await expectStatus(200, "GET", "/v0.1/servers", { as: admin, query: { updated_since: since } })),
      ["localhost/jira"],
    );
    assert.deepEqual(
      names(
        await expectStatus(200, "GET", "/v0.1/servers", {
          as: admin,
          query: { updated_since: "2000-01-01T00:00:00+02:00", version: "latest" },
        }),
      ),
      derived(ALL),
    );
    assert.deepEqual(
      names(await expectStatus(200, "GET", "/v0.1/servers", { as: admin, query: { version: "1.8.0" } })),
      ["localhost/stripe-payments"],
    );
    assertError(
      await call("GET", "/v0.1/servers", { as: admin, query: { updated_since: "yesterday" } }),
      422,
      "validation_failed",
    );
  });
});

describe("GET /v0.1/servers/{serverName}/versions[/{version}]", () => {
  test("one version, the latest, for a visible server", async () => {
    const versions = await expectStatus(200, "GET", "/v0.1/servers/{serverName}/versions", {
      as: payments,
      params: { serverName: "localhost/github" },
    });
    assert.deepEqual(names(versions), ["localhost/github"]);
    assert.equal(versions.json.metadata.count, 1);
    assertServerResponse(versions.json.servers[0]);
    for (const version of ["latest", "2.4.1"]) {
      const one = await expectStatus(200, "GET", "/v0.1/servers/{serverName}/versions/{version}", {
        as: payments,
        params: { serverName: "localhost/github", version },
      });
      assertServerResponse(one.json);
      assert.equal(one.json.server.version, "2.4.1");
    }
    assertError(
      await call("GET", "/v0.1/servers/{serverName}/versions/{version}", {
        as: payments,
        params: { serverName: "localhost/github", version: "9.9.9" },
      }),
      404,
      "not_found",
    );
  });

  test("invisible is answered exactly like absent (404), per caller", async () => {
    const invisible = await call("GET", "/v0.1/servers/{serverName}/versions", {
      as: payments,
      params: { serverName: "localhost/slack" },
    });
    const absent = await call("GET", "/v0.1/servers/{serverName}/versions", {
      as: payments,
      params: { serverName: "localhost/no-such" },
    });
    assertError(invisible, 404, "not_found");
    assertError(absent, 404, "not_found");
    assert.equal(comparableError(invisible, ["localhost/slack"]), comparableError(absent, ["localhost/no-such"]));
    // Disabled servers are visible to catalog managers only.
    await expectStatus(200, "GET", "/v0.1/servers/{serverName}/versions/{version}", {
      as: admin,
      params: { serverName: "localhost/kubernetes-prod", version: "latest" },
    });
    assertError(
      await call("GET", "/v0.1/servers/{serverName}/versions/{version}", {
        as: catalogReader,
        params: { serverName: "localhost/kubernetes-prod", version: "latest" },
      }),
      404,
      "not_found",
    );
  });

  test("an imported reverse-DNS name is matched through its URL-encoded slash, and replaces the derived one", async () => {
    await reg.db.server.update({ where: { slug: "stripe-payments" }, data: { registryName: "io.github.acme/stripe" } });
    const raw = await dispatch(
      new Request(`${REGISTRY_ORIGIN}/v0.1/servers/io.github.acme%2Fstripe/versions/latest`, {
        headers: { authorization: `Bearer ${reg.appToken(DEMO.apps.payments)}` },
      }),
    );
    assert.equal(raw.status, 200);
    const body = (await raw.json()) as { server: { name: string } };
    assertServerJson(body.server);
    assert.equal(body.server.name, "io.github.acme/stripe");
    assert.deepEqual(
      names(await expectStatus(200, "GET", "/v0.1/servers", { as: payments, query: { search: "io.github.acme" } })),
      ["io.github.acme/stripe"],
    );
    assertError(
      await call("GET", "/v0.1/servers/{serverName}/versions", {
        as: payments,
        params: { serverName: "localhost/stripe-payments" },
      }),
      404,
      "not_found",
    );
    // A name that is not reverse-DNS with one slash is simply not found.
    assertError(
      await call("GET", "/v0.1/servers/{serverName}/versions", { as: payments, params: { serverName: "no-slash" } }),
      404,
      "not_found",
    );
  });
});
