import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createUser } from "@/lib/iam/users/create-user";
import { DEMO, startApiRegistry, type ApiRegistry } from "./support/api-registry";
import { assertError, assertValidation, comparableError } from "./support/assert-error";
import { call, expectStatus, type Credential } from "./support/call";
import { systemContext } from "@/lib/system-context";

let reg: ApiRegistry;
let admin: Credential;
let payments: Credential;
let catalogSync: Credential;
let nobody: Credential;

const server = (slug: string, extra: Record<string, unknown> = {}) => ({
  slug,
  name: `Server ${slug}`,
  url: `https://mcp.example.test/${slug}`,
  tags: ["testing"],
  tools: [{ name: "echo", description: "Echo the input.", inputSchema: { type: "object" } }],
  ...extra,
});
const slugs = (response: { json: { items: { slug: string }[] } }) => response.json.items.map((item) => item.slug);

before(async () => {
  reg = await startApiRegistry();
  admin = { session: await reg.session(reg.userIds.adele) };
  payments = { bearer: reg.appToken(DEMO.apps.payments) };
  catalogSync = { bearer: reg.appToken(DEMO.apps.catalogSync, { roles: ["Registry.Read"] }) };
  const loner = await createUser(
    systemContext(reg.db, { principal: null, requestId: "setup", system: true }.requestId),
    {
      tenantId: DEMO.tenant,
      objectId: "3a7c9e1b-2d4f-4a6b-8c0d-1e2f3a4b5c6d",
      displayName: "Loner",
      groups: [],
      enabled: true,
    },
  );
  nobody = { session: await reg.session(loner.id) };
});
after(async () => reg?.close());

describe("create, conflict, validation, delete", () => {
  test("POST creates (201) with the full resource and its tools", async () => {
    const created = await expectStatus(201, "POST", "/api/servers", {
      as: admin,
      body: server("notes", { tags: ["docs", "testing"] }),
    });
    assert.equal(created.json.slug, "notes");
    assert.equal(created.json.transport, "streamable-http");
    assert.deepEqual(created.json.tags, ["docs", "testing"]);
    assert.equal(created.json.enabled, true);
    assert.deepEqual(created.json.health, { status: "unknown", checkedAt: null, latencyMs: null, error: null });
    assert.equal(created.json.createdBy, "Adele Vance");
    assert.deepEqual(
      created.json.tools.map((tool: { name: string }) => tool.name),
      ["echo"],
    );
    const fetched = await expectStatus(200, "GET", "/api/servers/{slug}", { as: admin, params: { slug: "notes" } });
    assert.equal(fetched.json.id, created.json.id);
  });

  test("a duplicate slug → 409 conflict", async () => {
    assertError(await call("POST", "/api/servers", { as: admin, body: server("github") }), 409, "conflict");
  });

  test("concurrent creates of one slug: one 201, the rest 409 (never 500)", async () => {
    const results = await Promise.all(
      [1, 2, 3].map(() => call("POST", "/api/servers", { as: admin, body: server("raced") })),
    );
    assert.deepEqual(results.map((r) => r.status).sort(), [201, 409, 409]);
    for (const refused of results.filter((r) => r.status === 409)) assertError(refused, 409, "conflict");
    await expectStatus(204, "DELETE", "/api/servers/{slug}", { as: admin, params: { slug: "raced" } });
  });

  test("an unknown field → 422 naming it", async () => {
    assertValidation(
      await call("POST", "/api/servers", { as: admin, body: { ...server("extra-field"), owner: "me" } }),
      ["owner"],
    );
    assertValidation(
      await call("PATCH", "/api/servers/{slug}", { as: admin, params: { slug: "github" }, body: { slug: "renamed" } }),
      ["slug"],
    );
  });

  test("a bad slug, URL or transport → 422 with field details", async () => {
    assertValidation(await call("POST", "/api/servers", { as: admin, body: server("Bad_Slug") }), ["slug"]);
    assertValidation(await call("POST", "/api/servers", { as: admin, body: server("-leading") }), ["slug"]);
    assertValidation(
      await call("POST", "/api/servers", { as: admin, body: server("ftp-url", { url: "ftp://example.test/x" }) }),
      ["url"],
    );
    assertValidation(
      await call("POST", "/api/servers", { as: admin, body: server("bad-transport", { transport: "websocket" }) }),
      ["transport"],
    );
    assertError(await call("POST", "/api/servers", { as: admin, rawBody: "{not json" }), 400, "invalid_request");
    assertError(await call("GET", "/api/servers", { as: admin, query: "?limit=0" }), 422, "validation_failed");
    assertError(await call("GET", "/api/servers", { as: admin, query: "?limit=201" }), 422, "validation_failed");
  });

  test("PATCH updates, PUT replaces the tool list, DELETE answers 204 and the server is gone", async () => {
    await expectStatus(201, "POST", "/api/servers", { as: admin, body: server("short-lived") });
    const patched = await expectStatus(200, "PATCH", "/api/servers/{slug}", {
      as: admin,
      params: { slug: "short-lived" },
      body: { description: "Edited.", tags: ["b", "a"] },
    });
    assert.equal(patched.json.description, "Edited.");
    assert.deepEqual(patched.json.tags, ["a", "b"]);
    const tools = [
      { name: "zeta", description: "", inputSchema: { type: "object" } },
      { name: "alpha", description: "", inputSchema: { type: "object" } },
    ];
    const replaced = await expectStatus(200, "PUT", "/api/servers/{slug}/tools", {
      as: admin,
      params: { slug: "short-lived" },
      body: { tools },
    });
    assert.deepEqual(
      replaced.json.items.map((tool: { name: string }) => tool.name),
      ["alpha", "zeta"],
    );
    assertValidation(
      await call("PUT", "/api/servers/{slug}/tools", {
        as: admin,
        params: { slug: "short-lived" },
        body: { tools: [tools[0], tools[0]] },
      }),
      ["tools"],
    );

    const deleted = await expectStatus(204, "DELETE", "/api/servers/{slug}", {
      as: admin,
      params: { slug: "short-lived" },
    });
    assert.equal(deleted.text, "");
    assertError(
      await call("GET", "/api/servers/{slug}", { as: admin, params: { slug: "short-lived" } }),
      404,
      "not_found",
    );
    assertError(
      await call("DELETE", "/api/servers/{slug}", { as: admin, params: { slug: "short-lived" } }),
      404,
      "not_found",
    );
  });
});

describe("visibility", () => {
  test("payments-ci-pipeline lists exactly team-payments' servers", async () => {
    const list = await expectStatus(200, "GET", "/api/servers", { as: payments });
    assert.deepEqual(slugs(list), [...DEMO.paymentsServers]);
    assert.equal(list.json.nextCursor, null);
  });

  test("on github it sees only search_issues and get_pull_request (detail, tools, search)", async () => {
    const detail = await expectStatus(200, "GET", "/api/servers/{slug}", { as: payments, params: { slug: "github" } });
    assert.deepEqual(
      detail.json.tools.map((tool: { name: string }) => tool.name),
      ["get_pull_request", "search_issues"],
    );
    const tools = await expectStatus(200, "GET", "/api/servers/{slug}/tools", {
      as: payments,
      params: { slug: "github" },
    });
    assert.deepEqual(
      tools.json.items.map((tool: { name: string }) => tool.name),
      ["get_pull_request", "search_issues"],
    );
    const list = await expectStatus(200, "GET", "/api/servers", { as: payments, query: "?q=github" });
    assert.equal(list.json.items[0].toolCount, 2);
    const search = await expectStatus(200, "GET", "/api/tools", { as: payments, query: "?limit=200" });
    const visible = search.json.items
      .map((tool: { server: string; name: string }) => `${tool.server}/${tool.name}`)
      .sort();
    assert.deepEqual(visible, [
      "github/get_pull_request",
      "github/search_issues",
      "sentry/get_event",
      "sentry/list_issues",
      "stripe-payments/create_refund",
      "stripe-payments/get_payment",
      "stripe-payments/list_disputes",
      "stripe-payments/list_payments",
    ]);
  });

  test("catalog-sync-job, through its app role, sees every enabled server and no disabled one", async () => {
    const list = await expectStatus(200, "GET", "/api/servers", { as: catalogSync });
    assert.deepEqual(slugs(list), [...DEMO.enabledServers, "notes"].sort());
    const hidden = await call("GET", "/api/servers/{slug}", { as: catalogSync, params: { slug: "kubernetes-prod" } });
    const absent = await call("GET", "/api/servers/{slug}", { as: catalogSync, params: { slug: "kubernetes-dev" } });
    assertError(hidden, 404, "not_found");
    assert.equal(comparableError(hidden, ["kubernetes-prod"]), comparableError(absent, ["kubernetes-dev"]));
    const admins = await expectStatus(200, "GET", "/api/servers/{slug}", {
      as: admin,
      params: { slug: "kubernetes-prod" },
    });
    assert.equal(admins.json.enabled, false);
  });

  test("a principal with no groups gets 200 and nothing", async () => {
    for (const template of ["/api/servers", "/api/tools"]) {
      const empty = await expectStatus(200, "GET", template, { as: nobody });
      assert.deepEqual(empty.json, { items: [], nextCursor: null });
    }
    assertError(await call("GET", "/api/servers/{slug}", { as: nobody, params: { slug: "github" } }), 404, "not_found");
  });

  test("a write to an invisible server → 404; to a visible one without servers:write → 403", async () => {
    for (const [method, template, body] of [
      ["PATCH", "/api/servers/{slug}", { description: "x" }],
      ["PUT", "/api/servers/{slug}/tools", { tools: [] }],
      ["DELETE", "/api/servers/{slug}", undefined],
    ] as const) {
      assertError(await call(method, template, { as: payments, params: { slug: "slack" }, body }), 404, "not_found");
      assertError(await call(method, template, { as: payments, params: { slug: "github" }, body }), 403, "forbidden");
      assertError(await call(method, template, { as: nobody, params: { slug: "github" }, body }), 404, "not_found");
    }
    const github = await expectStatus(200, "GET", "/api/servers/{slug}", { as: admin, params: { slug: "github" } });
    assert.equal(github.json.tools.length, 4);
  });
});

describe("paging and search", () => {
  test("limit and cursor walk the whole list once, in slug order", async () => {
    const all = slugs(await expectStatus(200, "GET", "/api/servers", { as: admin, query: "?limit=200" }));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { json: { items: { slug: string }[]; nextCursor: string | null } } = await expectStatus(
        200,
        "GET",
        "/api/servers",
        { as: admin, query: { limit: "4", ...(cursor ? { cursor } : {}) } },
      );
      assert.ok(page.json.items.length <= 4);
      seen.push(...slugs(page));
      cursor = page.json.nextCursor;
    } while (cursor);
    assert.deepEqual(seen, all);
    assert.deepEqual(all, [...all].sort());
  });

  test("pages stay stable when servers are inserted between them", async () => {
    const before = slugs(await expectStatus(200, "GET", "/api/servers", { as: admin, query: "?limit=200" }));
    const first = await expectStatus(200, "GET", "/api/servers", { as: admin, query: "?limit=3" });
    await expectStatus(201, "POST", "/api/servers", { as: admin, body: server("aaa-inserted-early") });
    await expectStatus(201, "POST", "/api/servers", { as: admin, body: server("zzz-inserted-late") });
    const rest: string[] = [];
    let cursor: string | null = first.json.nextCursor;
    while (cursor) {
      const page: { json: { items: { slug: string }[]; nextCursor: string | null } } = await expectStatus(
        200,
        "GET",
        "/api/servers",
        { as: admin, query: { limit: "3", cursor } },
      );
      rest.push(...slugs(page));
      cursor = page.json.nextCursor;
    }
    // Nothing repeated or skipped; a row inserted behind the cursor is not seen, one ahead is.
    assert.deepEqual([...slugs(first), ...rest], [...before, "zzz-inserted-late"]);
  });

  test("?q= matches name, description, slug and tags, case-insensitively, within what the caller sees", async () => {
    assert.deepEqual(slugs(await expectStatus(200, "GET", "/api/servers", { as: admin, query: "?q=payments" })), [
      "stripe-payments",
    ]);
    assert.deepEqual(slugs(await expectStatus(200, "GET", "/api/servers", { as: admin, query: "?q=GITHUB" })), [
      "github",
    ]);
    assert.deepEqual(slugs(await expectStatus(200, "GET", "/api/servers", { as: admin, query: "?q=runbooks" })), [
      "confluence",
    ]);
    assert.deepEqual(slugs(await expectStatus(200, "GET", "/api/servers", { as: payments, query: "?q=slack" })), []);
    const tools = await expectStatus(200, "GET", "/api/tools", { as: payments, query: "?q=issue" });
    assert.deepEqual(
      tools.json.items.map((tool: { server: string; name: string }) => `${tool.server}/${tool.name}`).sort(),
      ["github/search_issues", "sentry/list_issues"],
    );
  });

  test("?tag= filters by tag, within what the caller sees", async () => {
    assert.deepEqual(slugs(await expectStatus(200, "GET", "/api/servers", { as: admin, query: "?tag=engineering" })), [
      "github",
      "jira",
      "sentry",
    ]);
    assert.deepEqual(
      slugs(await expectStatus(200, "GET", "/api/servers", { as: payments, query: "?tag=engineering" })),
      ["github", "sentry"],
    );
    assert.deepEqual(slugs(await expectStatus(200, "GET", "/api/servers", { as: payments, query: "?tag=chat" })), []);
  });
});
