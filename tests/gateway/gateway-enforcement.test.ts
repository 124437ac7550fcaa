import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { McpError } from "@modelcontextprotocol/sdk/types.js";
import { resolveRequestPrincipal } from "@/lib/auth/resolve-request-principal";
import { createToken } from "@/lib/tokens/create-token";
import { createApiApp } from "@/lib/api/create-api-app";
import { flushGatewayUsage } from "@/lib/usage/record-gateway-usage";
import { rpcPost, startGatewayHarness, waitForUsage, type GatewayHarness } from "./support/gateway-harness";

let h: GatewayHarness;
before(async () => {
  h = await startGatewayHarness();
});
after(async () => h?.close());

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const initialize = (id: number | string = 1) => ({
  jsonrpc: "2.0",
  id,
  method: "initialize",
  params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "raw", version: "1" } },
});
const withoutRequestId = (body: { error: unknown }) => body.error;

async function rpcError(promise: Promise<unknown>): Promise<McpError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof McpError) return error;
    throw error;
  }
  throw new Error("expected a JSON-RPC error");
}

describe("authentication", () => {
  test("no credential → 401 naming the protected resource metadata (RFC 9728)", async () => {
    const answer = await rpcPost(h.origin, "gw-json", initialize(), {});
    assert.equal(answer.status, 401);
    assert.equal(answer.json.error.code, "unauthorized");
    assert.equal(
      answer.headers.get("www-authenticate"),
      'Bearer realm="mcp-registry", resource_metadata="http://localhost:3999/.well-known/oauth-protected-resource"',
    );
    assert.equal(answer.headers.get("cache-control"), "no-store");
  });

  test("a bad token → 401 invalid_token with the metadata; an unlinked Entra app → 403 client_not_registered", async () => {
    const bad = await rpcPost(h.origin, "gw-json", initialize(), bearer(`${h.tokens.caller.slice(0, -4)}AAAA`));
    assert.equal(bad.status, 401);
    assert.equal(bad.json.error.code, "invalid_token");
    assert.match(
      bad.headers.get("www-authenticate")!,
      /error="invalid_token", resource_metadata="http:\/\/localhost:3999\/\.well-known\/oauth-protected-resource"/,
    );
    const unlinked = await rpcPost(h.origin, "gw-json", initialize(), bearer(h.tokens.unlinked));
    assert.equal(unlinked.status, 403);
    assert.equal(unlinked.json.error.code, "client_not_registered");
  });

  test("a session cookie works, but a cross-site POST with it is refused (CSRF)", async () => {
    const cookie = { Cookie: `registry_session=${h.session}` };
    const crossSite = await rpcPost(h.origin, "gw-json", initialize(), {
      ...cookie,
      "Sec-Fetch-Site": "cross-site",
      Origin: "https://evil.example",
    });
    assert.equal(crossSite.status, 403);
    assert.equal(crossSite.json.error.code, "forbidden");
    const sameOrigin = await rpcPost(h.origin, "gw-json", initialize(), { ...cookie, Origin: "http://localhost:3999" });
    assert.equal(sameOrigin.status, 200);
    assert.equal(sameOrigin.json.result.serverInfo.name, "test-upstream");
  });
});

describe("visibility", () => {
  test("an invisible, a disabled and an absent server get the identical 404", async () => {
    const answers = await Promise.all(
      ["gw-hidden", "gw-disabled", "gw-nope"].map((slug) =>
        rpcPost(h.origin, slug, initialize(), bearer(h.tokens.caller)),
      ),
    );
    for (const answer of answers) assert.equal(answer.status, 404);
    const bodies = answers.map((answer) =>
      JSON.stringify(withoutRequestId(answer.json)).replace(/gw-(hidden|disabled|nope)/, "SLUG"),
    );
    assert.equal(new Set(bodies).size, 1, bodies.join("\n"));
    const seenBefore = h.json.seen.length;
    await rpcPost(h.origin, "gw-hidden", initialize(), bearer(h.tokens.caller));
    assert.equal(h.json.seen.length, seenBefore, "nothing reaches the upstream of an invisible server");
  });

  test("a registry API token restricted to one server reaches it and nothing else", async () => {
    const { principal, access } = await resolveRequestPrincipal(h.db, {
      authorization: [],
      url: "/api/tokens",
      sessionCookie: h.session,
      isApiRoute: true,
    });
    const { token } = await createToken(
      { db: h.db, principal, access, requestId: "test" },
      { name: "gateway token", expiresInHours: 1, servers: ["gw-json"] },
    );
    const { client } = await h.connect("gw-json", token);
    assert.deepEqual((await client.listTools()).tools.map((tool) => tool.name).sort(), [
      "add",
      "echo",
      "fail",
      "progress",
    ]);
    const elsewhere = await rpcPost(h.origin, "gw-sse", initialize(), bearer(token));
    assert.equal(elsewhere.status, 404);
    const [row] = await waitForUsage(h.db, { principalKind: "token" }, 0);
    assert.equal(row, undefined);
    await client.callTool({ name: "echo", arguments: { text: "t" } });
    const [usage] = await waitForUsage(h.db, { principalKind: "token" }, 1);
    assert.equal(usage!.principalName, "gateway token (token of Gina Gateway)");
  });

  test("GET and DELETE of an invisible server are 404 too", async () => {
    for (const method of ["GET", "DELETE"]) {
      const response = await fetch(`${h.origin}/mcp/gw-hidden`, {
        method,
        headers: { ...bearer(h.tokens.caller), Accept: "text/event-stream" },
      });
      assert.equal(response.status, 404);
      await response.body?.cancel();
    }
  });
});

describe("method and tool grants", () => {
  test("a method not granted → JSON-RPC error, never forwarded", async () => {
    const { client } = await h.connect("gw-json", h.tokens.reader);
    const seenBefore = h.json.seen.length;
    const error = await rpcError(client.callTool({ name: "echo", arguments: { text: "hi" } }));
    assert.equal(error.code, -32003);
    assert.match(error.message, /tools\/call is not granted to you on server gw-json/);
    const denied = await rpcError(client.listResources());
    assert.equal(denied.code, -32003);
    // (The client's own background GET stream may reach the upstream meanwhile.)
    const forwarded = h.json.seen.slice(seenBefore).flatMap((seen) => seen.rpcMethods);
    assert.deepEqual(
      forwarded.filter((method) => method === "tools/call" || method === "resources/list"),
      [],
      "the upstream saw neither request",
    );
  });

  test("tools/call of a tool not granted → JSON-RPC error; the upstream never runs it; usage records the denial", async () => {
    for (const slug of ["gw-json", "gw-sse"] as const) {
      const { client } = await h.connect(slug, h.tokens.caller);
      const error = await rpcError(client.callTool({ name: "admin_reset", arguments: {} }));
      assert.equal(error.code, -32003);
      assert.match(error.message, /Tool admin_reset is not available to you on server/);
      const unknown = await rpcError(client.callTool({ name: "no_such_tool", arguments: {} }));
      assert.equal(
        unknown.message.replace("no_such_tool", "admin_reset"),
        error.message,
        "an absent tool is refused in the same words",
      );
      assert.equal(h[slug === "gw-json" ? "json" : "sse"].toolRuns.get("admin_reset"), undefined);
      assert.ok(
        !h[slug === "gw-json" ? "json" : "sse"].seen.some(
          (seen) => seen.rpcMethods.includes("tools/call") && seen.headers["mcp-session-id"] === undefined,
        ),
      );
    }
    const rows = await waitForUsage(h.db, { tool: "admin_reset", outcome: "denied" }, 2);
    assert.deepEqual(rows.map((row) => row.serverSlug).sort(), ["gw-json", "gw-sse"]);
    assert.equal(rows[0]!.principalName, "gateway caller");
    assert.equal(rows[0]!.detail, "tool_not_granted");
    await waitForUsage(h.db, { tool: "echo", outcome: "denied", principalName: "gateway reader" }, 1);
  });

  test("a batch is checked element by element and sent only when every element passes", async () => {
    const { transport } = await h.connect("gw-json", h.tokens.caller);
    const session = {
      ...bearer(h.tokens.caller),
      "Mcp-Session-Id": transport.sessionId!,
      "MCP-Protocol-Version": "2025-06-18",
    };
    const seenBefore = h.json.seen.length;
    const mixed = await rpcPost(
      h.origin,
      "gw-json",
      [
        { jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "echo", arguments: { text: "ok" } } },
        { jsonrpc: "2.0", id: 2, method: "tools/call", params: { name: "admin_reset", arguments: {} } },
        { jsonrpc: "2.0", method: "notifications/cancelled", params: { requestId: 0 } },
      ],
      session,
    );
    assert.equal(mixed.status, 200);
    assert.deepEqual(
      mixed.json.map((answer: { id: number; error: { code: number; data: { reason: string } } }) => [
        answer.id,
        answer.error.code,
        answer.error.data.reason,
      ]),
      [
        [1, -32003, "batch_refused"],
        [2, -32003, "tool_not_granted"],
      ],
    );
    assert.deepEqual(
      h.json.seen.slice(seenBefore).filter((seen) => seen.method === "POST"),
      [],
      "nothing of the batch was forwarded",
    );
    assert.equal(h.json.toolRuns.get("admin_reset"), undefined);
  });

  test("the upstream receives the message as authorized, not the caller's bytes (no duplicate-key tricks)", async () => {
    const { transport } = await h.connect("gw-json", h.tokens.caller);
    const session = {
      ...bearer(h.tokens.caller),
      "Mcp-Session-Id": transport.sessionId!,
      "MCP-Protocol-Version": "2025-06-18",
    };
    // A first-key-wins parser upstream would read admin_reset; the gateway authorized the last key.
    const raw =
      '{"jsonrpc":"2.0","id":41,"method":"tools/call","params":{"name":"admin_reset","name":"echo","arguments":{"text":"dup"}}}';
    const answer = await rpcPost(h.origin, "gw-json", raw, session);
    assert.equal(answer.json.id, 41);
    assert.deepEqual(answer.json.result.content, [{ type: "text", text: "dup" }]);
    const sent = h.json.seen.filter((seen) => seen.rpcMethods.includes("tools/call")).at(-1)!;
    assert.equal(sent.body!.match(/"name"/g)!.length, 1);
    assert.ok(!sent.body!.includes("admin_reset"));
  });

  test("malformed bodies are answered by the gateway", async () => {
    const notJson = await rpcPost(h.origin, "gw-json", "{nope", bearer(h.tokens.caller));
    assert.equal(notJson.status, 400);
    assert.equal(notJson.json.error.code, -32700);
    const notRpc = await rpcPost(h.origin, "gw-json", { hello: "world" }, bearer(h.tokens.caller));
    assert.equal(notRpc.status, 400);
    assert.equal(notRpc.json.error.code, -32600);
    const empty = await rpcPost(h.origin, "gw-json", [], bearer(h.tokens.caller));
    assert.equal(empty.json[0].error.code, -32600);
  });
});

describe("request bodies and usage under load", () => {
  const call = (id: number) => ({
    jsonrpc: "2.0",
    id,
    method: "tools/call",
    params: { name: "echo", arguments: { text: `t${id}` } },
  });
  const oversized = JSON.stringify({ ...call(1), padding: "x".repeat(4 * 1024 * 1024) });
  // The upstream answers tools/call inside an initialized session.
  const session = async () => {
    const { transport } = await h.connect("gw-json", h.tokens.caller);
    return { ...bearer(h.tokens.caller), "mcp-session-id": transport.sessionId!, "mcp-protocol-version": "2025-06-18" };
  };

  test("over 4 MiB → 413 with a JSON-RPC error, declared or streamed (read from the Node request)", async () => {
    const declared = await rpcPost(h.origin, "gw-json", oversized, bearer(h.tokens.caller));
    assert.equal(declared.status, 413);
    assert.equal(declared.json.error.code, -32600);
    const bytes = new TextEncoder().encode(oversized);
    const streamed = await fetch(`${h.origin}/mcp/gw-json`, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Accept: "application/json, text/event-stream",
        ...bearer(h.tokens.caller),
      },
      body: new ReadableStream({
        start(controller) {
          for (let offset = 0; offset < bytes.length; offset += 64 * 1024)
            controller.enqueue(bytes.subarray(offset, offset + 64 * 1024));
          controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    assert.equal(streamed.status, 413);
    assert.equal((await streamed.json()).error.code, -32600);
  });

  test("without a Node request (`next dev`), the web Request body is read with the same bound", async () => {
    const app = createApiApp();
    const headers = await session();
    const post = (body: string) =>
      app.fetch(
        new Request(`${h.origin}/mcp/gw-json`, {
          method: "POST",
          headers: { "Content-Type": "application/json", Accept: "application/json, text/event-stream", ...headers },
          body,
        }),
      );
    const tooLarge = await post(oversized);
    assert.equal(tooLarge.status, 413);
    assert.equal((await tooLarge.json()).error.code, -32600);
    const answered = await post(JSON.stringify(call(7)));
    assert.equal(answered.status, 200);
    assert.deepEqual((await answered.json()).result.content, [{ type: "text", text: "t7" }]);
  });

  test("an answer over 1 MiB streams through whole and counts as answered", async () => {
    const text = "y".repeat(1100 * 1024);
    const headers = await session();
    const answer = await rpcPost(
      h.origin,
      "gw-json",
      { jsonrpc: "2.0", id: 9, method: "tools/call", params: { name: "echo", arguments: { text } } },
      headers,
    );
    assert.equal(answer.status, 200);
    assert.equal(answer.json.result?.content[0].text, text, JSON.stringify(answer.json.error));
    const [row] = await waitForUsage(h.db, { detail: "the answer was too large to inspect" }, 1);
    assert.equal(row!.outcome, "ok");
  });

  test("a burst of concurrent tools/call: every call answered, every usage row written", async () => {
    await flushGatewayUsage();
    const where = { serverSlug: "gw-json", tool: "echo", outcome: "ok" };
    const before = await h.db.gatewayUsage.count({ where });
    const headers = await session();
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, index) => rpcPost(h.origin, "gw-json", call(100 + index), headers)),
    );
    assert.deepEqual(
      answers.map((answer) => answer.json.result.content[0].text),
      answers.map((_, index) => `t${100 + index}`),
    );
    const rows = await waitForUsage(h.db, where, before + 40);
    assert.equal(new Set(rows.map((row) => row.requestId)).size, rows.length);
  });
});

describe("upstream failures", () => {
  test("an unreachable upstream → a JSON-RPC error with the request's id, and usage upstream_error", async () => {
    const answer = await rpcPost(h.origin, "gw-down", initialize("init-9"), bearer(h.tokens.caller));
    assert.equal(answer.status, 200);
    assert.equal(answer.json.id, "init-9");
    assert.equal(answer.json.error.code, -32004);
    assert.match(answer.json.error.message, /upstream MCP server gw-down is unreachable/);
    const call = await rpcPost(
      h.origin,
      "gw-down",
      { jsonrpc: "2.0", id: 3, method: "tools/call", params: { name: "echo", arguments: {} } },
      bearer(h.tokens.caller),
    );
    assert.equal(call.json.id, 3);
    await waitForUsage(h.db, { serverSlug: "gw-down", tool: "echo", outcome: "upstream_error" }, 1);
  });

  test("the SDK client sees the failure as an error at connect", async () => {
    await assert.rejects(h.connect("gw-down", h.tokens.caller), /unreachable/);
  });

  test("an upstream that never answers → a timeout error after REGISTRY_GATEWAY_TIMEOUT_MS", async () => {
    const started = Date.now();
    const answer = await rpcPost(h.origin, "gw-slow", initialize(5), bearer(h.tokens.caller));
    assert.equal(answer.json.id, 5);
    assert.equal(answer.json.error.code, -32001);
    assert.match(answer.json.error.message, /did not answer in time/);
    assert.ok(Date.now() - started < 10_000);
    const call = await rpcPost(
      h.origin,
      "gw-slow",
      { jsonrpc: "2.0", id: 6, method: "tools/call", params: { name: "add", arguments: { a: 1, b: 1 } } },
      bearer(h.tokens.caller),
    );
    assert.equal(call.json.error.code, -32001);
    const [usage] = await waitForUsage(h.db, { serverSlug: "gw-slow", tool: "add" }, 1);
    assert.equal(usage!.outcome, "upstream_error");
    assert.ok(usage!.durationMs >= 1400, `duration counts the wait (${usage!.durationMs} ms)`);
  });

  test("a GET or DELETE that cannot reach the upstream → 502 in the SPEC §6 shape; a notification-only POST too", async () => {
    const get = await fetch(`${h.origin}/mcp/gw-down`, {
      headers: { ...bearer(h.tokens.caller), Accept: "text/event-stream" },
    });
    assert.equal(get.status, 502);
    const body = (await get.json()) as { error: { code: string; message: string }; requestId: string };
    assert.equal(body.error.code, "bad_gateway");
    assert.ok(body.requestId);
    const notification = await rpcPost(
      h.origin,
      "gw-down",
      { jsonrpc: "2.0", method: "notifications/initialized" },
      bearer(h.tokens.caller),
    );
    assert.equal(notification.status, 502);
    assert.equal(notification.json.error.code, "bad_gateway");
  });
});
