import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { DEMO, startApiRegistry, type ApiRegistry } from "./support/api-registry";
import { assertError, assertValidation } from "./support/assert-error";
import { call, expectStatus, type Credential } from "./support/call";
import { assertServerResponse } from "./support/server-json-schema";

let reg: ApiRegistry;
let admin: Credential;
let payments: Credential;

const doc = (name: string, extra: Record<string, unknown> = {}) => ({
  $schema: "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json",
  name,
  description: `The ${name} server.`,
  version: "1.0.0",
  remotes: [{ type: "streamable-http", url: `https://mcp.example.test/${name.split("/")[1]}` }],
  ...extra,
});
const importEvents = () =>
  reg.db.auditEvent.findMany({ where: { reason: "server.json import" }, orderBy: { at: "asc" } });

before(async () => {
  reg = await startApiRegistry();
  admin = { session: await reg.session(reg.userIds.adele) };
  payments = { bearer: reg.appToken(DEMO.apps.payments) };
});
after(async () => reg?.close());

describe("POST /api/servers/import", () => {
  test("a dry run previews creates and writes nothing; applying creates both, audited, listed by /v0.1 under their names", async () => {
    const documents = [
      doc("io.github.acme/weather", {
        title: "Weather",
        websiteUrl: "https://acme.example/weather",
        repository: { url: "https://github.com/acme/weather", source: "github" },
      }),
      doc("com.acme/Notes_Server"),
    ];
    const preview = await expectStatus(200, "POST", "/api/servers/import", {
      as: admin,
      query: "?dryRun=true",
      body: documents,
    });
    assert.deepEqual(
      preview.json.results.map((r: { action: string; slug: string }) => [r.action, r.slug]),
      [
        ["create", "weather"],
        ["create", "notes-server"],
      ],
    );
    assert.deepEqual(preview.json.summary, { create: 2, update: 0, unchanged: 0, error: 0 });
    assert.equal(preview.json.dryRun, true);
    assert.equal(await reg.db.server.count({ where: { slug: { in: ["weather", "notes-server"] } } }), 0);
    assert.equal((await importEvents()).length, 0);

    const applied = await expectStatus(200, "POST", "/api/servers/import", { as: admin, body: documents });
    assert.deepEqual(applied.json.summary, { create: 2, update: 0, unchanged: 0, error: 0 });
    const events = await importEvents();
    assert.deepEqual(events.map((e) => [e.action, e.targetName]).sort(), [
      ["server.create", "notes-server"],
      ["server.create", "weather"],
    ]);

    const weather = await expectStatus(200, "GET", "/v0.1/servers/{serverName}/versions/{version}", {
      as: admin,
      params: { serverName: "io.github.acme/weather", version: "1.0.0" },
    });
    assertServerResponse(weather.json);
    assert.equal(weather.json.server.title, "Weather");
    assert.equal(weather.json.server.websiteUrl, "https://acme.example/weather");
    assert.deepEqual(weather.json.server.repository, { url: "https://github.com/acme/weather", source: "github" });
    const native = await expectStatus(200, "GET", "/api/servers/{slug}", {
      as: admin,
      params: { slug: "notes-server" },
    });
    assert.equal(native.json.name, "Notes_Server");
    assert.equal(native.json.url, "https://mcp.example.test/Notes_Server");
    assert.equal(native.json.transport, "streamable-http");
  });

  test("re-importing: unchanged, or an update with field diffs (one audit event per updated server)", async () => {
    const same = await expectStatus(200, "POST", "/api/servers/import", {
      as: admin,
      body: { servers: [{ server: doc("com.acme/Notes_Server") }] },
    });
    assert.deepEqual(
      same.json.results.map((r: { action: string }) => r.action),
      ["unchanged"],
    );
    const before = (await importEvents()).length;
    const changed = doc("com.acme/Notes_Server", { description: "Notes, edited.", version: "1.1.0" });
    const preview = await expectStatus(200, "POST", "/api/servers/import", {
      as: admin,
      body: { dryRun: true, documents: [changed] },
    });
    assert.equal(preview.json.results[0].action, "update");
    assert.deepEqual(preview.json.results[0].changes, [
      { field: "description", before: "The com.acme/Notes_Server server.", after: "Notes, edited." },
      { field: "version", before: "1.0.0", after: "1.1.0" },
    ]);
    assert.equal((await importEvents()).length, before);
    await expectStatus(200, "POST", "/api/servers/import", { as: admin, body: [changed] });
    const events = await importEvents();
    assert.equal(events.length, before + 1);
    assert.deepEqual(
      events.filter((e) => e.action === "server.update").map((e) => e.targetName),
      ["notes-server"],
    );
    assert.equal((await reg.db.server.findUniqueOrThrow({ where: { slug: "notes-server" } })).version, "1.1.0");
  });

  test("a derived name updates the server it names; sse is accepted, streamable-http preferred", async () => {
    const preview = await expectStatus(200, "POST", "/api/servers/import", {
      as: admin,
      query: "?dryRun=true",
      body: [
        doc("localhost/github", {
          title: "GitHub",
          version: "2.4.1",
          description: "Issues, pull requests and code search across the organisation's repositories.",
          remotes: [
            { type: "sse", url: "https://mcp.contoso.example/github/sse" },
            { type: "streamable-http", url: "https://mcp.contoso.example/github" },
          ],
        }),
      ],
    });
    assert.equal(preview.json.results[0].action, "update");
    assert.deepEqual(
      preview.json.results[0].changes.map((c: { field: string }) => c.field),
      ["registryName"],
    );
    await expectStatus(200, "POST", "/api/servers/import", {
      as: admin,
      body: doc("io.example/sse-only", { remotes: [{ type: "sse", url: "https://mcp.example.test/sse-only/sse" }] }),
    });
    assert.equal((await reg.db.server.findUniqueOrThrow({ where: { slug: "sse-only" } })).transport, "sse");
  });

  test("bad documents are reported one by one; applying a batch with any error writes nothing (422 naming each)", async () => {
    const bad = [
      doc("io.example/fine-one"),
      { name: "no-slash", description: "x", version: "1" },
      doc("io.example/packages-only", {
        remotes: undefined,
        packages: [{ registryType: "npm", identifier: "x", transport: { type: "stdio" } }],
      }),
      doc("io.other/github"),
      doc("io.example/fine-two"),
      doc("io.example2/fine-two"),
      "not an object",
    ];
    const preview = await expectStatus(200, "POST", "/api/servers/import", {
      as: admin,
      query: "?dryRun=true",
      body: bad,
    });
    assert.deepEqual(
      preview.json.results.map((r: { action: string }) => r.action),
      ["create", "error", "error", "error", "create", "error", "error"],
    );
    const [, noSlash, packagesOnly, collision, , duplicate, notObject] = preview.json.results;
    assert.equal(noSlash.errors[0].path, "name");
    assert.match(noSlash.errors[0].message, /reverse-DNS/);
    assert.equal(packagesOnly.errors[0].path, "remotes");
    assert.match(collision.errors[0].message, /gives the slug github, already used by server localhost\/github/);
    assert.match(duplicate.errors[0].message, /like document 5/);
    assert.match(notObject.errors[0].message, /server\.json object/);
    const count = await reg.db.server.count();
    assertValidation(await call("POST", "/api/servers/import", { as: admin, body: bad }), [
      "documents.1.name",
      "documents.2.remotes",
      "documents.3.name",
      "documents.5.name",
    ]);
    assert.equal(await reg.db.server.count(), count);
    assertValidation(await call("POST", "/api/servers/import", { as: admin, body: "just a string" }), ["documents"]);
  });

  test("servers:write is required; a bad body changes nothing", async () => {
    assertError(
      await call("POST", "/api/servers/import", { as: payments, body: [doc("io.example/refused")] }),
      403,
      "forbidden",
    );
    assertError(
      await call("POST", "/api/servers/import", { as: null, body: [doc("io.example/refused")] }),
      401,
      "unauthorized",
    );
    assert.equal(await reg.db.server.count({ where: { slug: "refused" } }), 0);
  });
});
