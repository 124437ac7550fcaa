import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { ToolListChangedNotificationSchema } from "@modelcontextprotocol/sdk/types.js";
import { setUpstreamCredentials } from "@/lib/servers/upstream-credentials/upstream-credentials";
import {
  GRANTED_TOOLS,
  SYSTEM,
  UPSTREAM_SECRET,
  rpcPost,
  startGatewayHarness,
  waitForUsage,
  type GatewayHarness,
} from "./support/gateway-harness";
import { systemContext } from "@/lib/system-context";

let h: GatewayHarness;

before(async () => {
  h = await startGatewayHarness();
  await setUpstreamCredentials(systemContext(h.db, SYSTEM.requestId), {
    slug: "gw-sse",
    headers: { Authorization: UPSTREAM_SECRET, "X-API-Key": "k-123" },
  });
});
after(async () => h?.close());

for (const mode of ["json", "sse"] as const) {
  describe(`a real MCP client through the gateway (${mode === "json" ? "JSON" : "SSE"} answers)`, () => {
    const slug = `gw-${mode}`;

    test("initialize, tools/list filtered to the granted tools, tools/call answered", async () => {
      const upstream = h[mode];
      const { client } = await h.connect(slug, h.tokens.caller);
      assert.equal(client.getServerVersion()?.name, "test-upstream");
      const { tools } = await client.listTools();
      // admin_reset exists upstream but is not granted: the list never shows it.
      assert.deepEqual(tools.map((tool) => tool.name).sort(), [...GRANTED_TOOLS].sort());
      const result = await client.callTool({ name: "add", arguments: { a: 2, b: 3 } });
      assert.deepEqual(result.content, [{ type: "text", text: "5" }]);
      assert.equal(upstream.toolRuns.get("add"), 1);
      await client.ping();
    });

    test("the session id passes both ways, and DELETE ends the upstream session", async () => {
      const upstream = h[mode];
      const { client, transport } = await h.connect(slug, h.tokens.caller);
      const sessionId = transport.sessionId;
      assert.ok(sessionId, "the client got the upstream's Mcp-Session-Id through the gateway");
      assert.ok(upstream.openSessions().includes(sessionId));
      await client.listTools();
      const last = upstream.seen.at(-1)!;
      assert.equal(last.headers["mcp-session-id"], sessionId);
      assert.ok(last.headers["mcp-protocol-version"], "MCP-Protocol-Version is forwarded");
      await transport.terminateSession();
      assert.ok(upstream.closedSessions.includes(sessionId));
      assert.equal(upstream.seen.at(-1)!.method, "DELETE");
    });

    test("tool errors are recorded as usage with outcome error; successes as ok", async () => {
      const { client } = await h.connect(slug, h.tokens.caller);
      const failed = await client.callTool({ name: "fail", arguments: {} });
      assert.equal(failed.isError, true);
      const rows = await waitForUsage(h.db, { serverSlug: slug, tool: "fail" }, 1);
      assert.equal(rows[0]!.outcome, "error");
      const ok = await waitForUsage(h.db, { serverSlug: slug, tool: "add" }, 1);
      assert.equal(ok[0]!.outcome, "ok");
      assert.equal(ok[0]!.principalKind, "m2m");
      assert.equal(ok[0]!.principalName, "gateway caller");
      assert.ok(ok[0]!.durationMs >= 0);
      assert.match(ok[0]!.requestId, /^[0-9a-f-]{36}$/);
    });
  });
}

describe("streaming", () => {
  test("an SSE answer is relayed event by event: progress arrives while the tool is still running", async () => {
    const { client } = await h.connect("gw-sse", h.tokens.caller);
    let progressed: () => void = () => {};
    const gotProgress = new Promise<void>((resolve) => (progressed = resolve));
    const call = client.callTool({ name: "progress", arguments: {} }, undefined, { onprogress: () => progressed() });
    // The upstream holds the answer until released; a gateway that buffered would never show the progress.
    await gotProgress;
    h.sse.release();
    const result = await call;
    assert.deepEqual(result.content, [{ type: "text", text: "done" }]);
  });
});

describe("the GET event stream", () => {
  test("server-initiated notifications reach the client through the gateway's GET stream", async () => {
    const { client, transport } = await h.connect("gw-sse", h.tokens.caller);
    let changed: () => void = () => {};
    const gotNotification = new Promise<void>((resolve) => (changed = resolve));
    client.setNotificationHandler(ToolListChangedNotificationSchema, async () => changed());
    const sessionId = transport.sessionId!;
    // The client opens its GET stream in the background after initialization.
    while (!h.sse.seen.some((seen) => seen.method === "GET" && seen.headers["mcp-session-id"] === sessionId))
      await new Promise((resolve) => setTimeout(resolve, 10));
    await h.sse.notifyToolListChanged(sessionId);
    await gotNotification;
    const get = h.sse.seen.find((seen) => seen.method === "GET" && seen.headers["mcp-session-id"] === sessionId)!;
    assert.equal(get.headers.authorization, UPSTREAM_SECRET, "GET carries the upstream credential, not the caller's");
    assert.match(get.headers.accept ?? "", /text\/event-stream/);
  });
});

describe("upstream hygiene", () => {
  test("the caller's Authorization and Cookie never reach the upstream; only allow-listed headers do", async () => {
    const { client } = await h.connect("gw-json", h.tokens.caller, {
      Cookie: "registry_theme=dark; other=1",
      "X-Forwarded-For": "10.0.0.1",
      "X-Custom": "nope",
    });
    await client.listTools();
    const requests = h.json.seen.filter((seen) => seen.method === "POST");
    assert.ok(requests.length > 0);
    for (const seen of requests) {
      assert.equal(seen.headers.authorization, undefined, "no Authorization upstream without configured credentials");
      assert.equal(seen.headers.cookie, undefined);
      assert.equal(seen.headers["x-custom"], undefined);
      assert.equal(seen.headers["x-forwarded-for"], undefined);
      for (const value of Object.values(seen.headers))
        assert.ok(!value.includes(h.tokens.caller), "the caller's token appears in no header");
    }
  });

  test("configured upstream credentials are injected instead of the caller's", async () => {
    const { client } = await h.connect("gw-sse", h.tokens.caller, { Cookie: "a=b" });
    await client.listTools();
    const seen = h.sse.seen.filter((request) => request.method === "POST").at(-1)!;
    assert.equal(seen.headers.authorization, UPSTREAM_SECRET);
    assert.equal(seen.headers["x-api-key"], "k-123");
    assert.equal(seen.headers.cookie, undefined);
  });

  test("the stored credential is ciphertext (AES-256-GCM), not the secret", async () => {
    const row = await h.db.serverUpstreamCredential.findFirstOrThrow({ where: { server: { slug: "gw-sse" } } });
    assert.ok(!row.ciphertext.includes("upstream-secret"));
    assert.ok(!Buffer.from(row.ciphertext, "base64").toString("latin1").includes("upstream-secret"));
    assert.deepEqual(row.headerNames, ["authorization", "x-api-key"]);
  });

  test("a tools/list arriving as an SSE event is filtered too (raw POST, SSE answer)", async () => {
    const { transport } = await h.connect("gw-sse", h.tokens.caller);
    const response = await fetch(`${h.origin}/mcp/gw-sse`, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${h.tokens.caller}`,
        "Content-Type": "application/json",
        Accept: "application/json, text/event-stream",
        "Mcp-Session-Id": transport.sessionId!,
        "MCP-Protocol-Version": transport.protocolVersion ?? "2025-06-18",
      },
      body: JSON.stringify({ jsonrpc: "2.0", id: "list-1", method: "tools/list" }),
    });
    assert.equal(response.status, 200);
    assert.match(response.headers.get("content-type") ?? "", /text\/event-stream/);
    const text = await response.text();
    const data = text
      .split("\n")
      .filter((line) => line.startsWith("data: "))
      .map((line) => JSON.parse(line.slice(6)));
    const answer = data.find((message) => message.id === "list-1");
    assert.deepEqual(answer.result.tools.map((tool: { name: string }) => tool.name).sort(), [...GRANTED_TOOLS].sort());
    assert.ok(!text.includes("admin_reset"));
  });
});

describe("lifecycle", () => {
  test("initialize and ping pass for a principal whose rule grants neither", async () => {
    const { client } = await h.connect("gw-json", h.tokens.reader);
    await client.ping();
    const { tools } = await client.listTools();
    assert.deepEqual(
      tools.map((tool) => tool.name),
      ["echo"],
    );
  });

  test("the JSON answer of a raw tools/list keeps its id and is filtered", async () => {
    const answer = await rpcPost(
      h.origin,
      "gw-json",
      {
        jsonrpc: "2.0",
        id: 7,
        method: "initialize",
        params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "raw", version: "1" } },
      },
      { Authorization: `Bearer ${h.tokens.reader}` },
    );
    assert.equal(answer.status, 200);
    assert.equal(answer.json.id, 7);
    const sessionId = answer.headers.get("mcp-session-id")!;
    assert.ok(sessionId);
    const listed = await rpcPost(
      h.origin,
      "gw-json",
      { jsonrpc: "2.0", id: 8, method: "tools/list" },
      { Authorization: `Bearer ${h.tokens.reader}`, "Mcp-Session-Id": sessionId, "MCP-Protocol-Version": "2025-06-18" },
    );
    assert.equal(listed.json.id, 8);
    assert.deepEqual(
      listed.json.result.tools.map((tool: { name: string }) => tool.name),
      ["echo"],
    );
  });
});

describe("changes reach the gateway on the next call", () => {
  test("new upstream credentials, then a disabled server: each seen by the very next request", async () => {
    const { updateServer } = await import("@/lib/servers/update-server");
    const headers = { Authorization: `Bearer ${h.tokens.caller}` };
    // initialize: answered by the upstream without a session, on every call.
    const ping = {
      jsonrpc: "2.0",
      id: 7,
      method: "initialize",
      params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "raw", version: "1" } },
    };
    assert.equal((await rpcPost(h.origin, "gw-sse", ping, headers)).status, 200);

    await setUpstreamCredentials(systemContext(h.db, SYSTEM.requestId), {
      slug: "gw-sse",
      headers: { "X-API-Key": "rotated-456" },
    });
    assert.equal((await rpcPost(h.origin, "gw-sse", ping, headers)).status, 200);
    const seen = h.sse.seen.filter((request) => request.method === "POST").at(-1)!;
    assert.equal(seen.headers["x-api-key"], "rotated-456");
    assert.equal(seen.headers.authorization, undefined, "the old credential is gone at once");

    await updateServer(systemContext(h.db, SYSTEM.requestId), { slug: "gw-sse", changes: { enabled: false } });
    const refused = await rpcPost(h.origin, "gw-sse", ping, headers);
    assert.equal(refused.status, 404);
    await updateServer(systemContext(h.db, SYSTEM.requestId), { slug: "gw-sse", changes: { enabled: true } });
    assert.equal((await rpcPost(h.origin, "gw-sse", ping, headers)).status, 200);
    await setUpstreamCredentials(systemContext(h.db, SYSTEM.requestId), {
      slug: "gw-sse",
      headers: { Authorization: UPSTREAM_SECRET, "X-API-Key": "k-123" },
    });
  });
});
