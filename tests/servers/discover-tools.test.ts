import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { diffTools } from "@/lib/servers/discovery/diff-tools";
import { discoverTools } from "@/lib/servers/discovery/discover-tools";
import { startTestUpstream, UPSTREAM_TOOLS, type TestUpstream } from "../gateway/support/upstream-server";
import { startDiscoveryFixture, UPSTREAM_SECRET, type DiscoveryFixture } from "./support/discovery-fixture";
import {
  closedPortUrl,
  startHtmlSite,
  startLegacySseUpstream,
  startMismatchedTls,
  startSilentServer,
} from "./support/odd-upstreams";
import { systemContext } from "@/lib/system-context";

let f: DiscoveryFixture;
const upstreams: Record<"json" | "sse", TestUpstream> = {} as never;
const SYSTEM = { principal: null, requestId: "discover-test", system: true };

before(async () => {
  f = await startDiscoveryFixture();
  upstreams.json = await startTestUpstream("json", { requireHeaders: { authorization: UPSTREAM_SECRET } });
  upstreams.sse = await startTestUpstream("sse", { requireHeaders: { authorization: UPSTREAM_SECRET } });
});
after(async () => {
  await Promise.all(Object.values(upstreams).map((upstream) => upstream.close()));
  await f?.reg.close();
});

const discover = (slug: string, body: unknown = {}) =>
  f.route("POST", "/api/servers/{slug}/discover", { params: { slug }, body });
const toolsOf = async (slug: string) =>
  (await f.reg.db.tool.findMany({ where: { server: { slug } }, orderBy: { name: "asc" } })).map((tool) => ({
    name: tool.name,
    description: tool.description,
    inputSchema: tool.inputSchema,
  }));

test("diffTools: added, changed (description or schema), removed, unchanged; schema key order is no change", () => {
  const current = [
    { name: "a", description: "A", inputSchema: { type: "object", properties: { x: { type: "string" } } } },
    { name: "b", description: "B", inputSchema: {} },
    { name: "c", description: "C", inputSchema: {} },
    { name: "d", description: "D", inputSchema: { type: "object" } },
  ];
  const next = [
    { name: "a", description: "A", inputSchema: { properties: { x: { type: "string" } }, type: "object" } },
    { name: "b", description: "B, now longer", inputSchema: {} },
    { name: "d", description: "D", inputSchema: { type: "object", required: ["y"] } },
    { name: "e", description: "E", inputSchema: {} },
  ];
  assert.deepEqual(diffTools(current, next), { added: ["e"], changed: ["b", "d"], removed: ["c"], unchanged: ["a"] });
});

for (const mode of ["json", "sse"] as const) {
  describe(`POST /api/servers/{slug}/discover against a Streamable HTTP upstream answering ${mode}`, () => {
    test("the diff against the registry's tools, nothing applied; credentials sent, never answered", async () => {
      const slug = await f.addServer(upstreams[mode].url);
      // Seed the registry with the upstream's own `add` (unchanged), an edited `echo` and a stale tool.
      const first = await discover(slug);
      assert.equal(first.status, 200, first.text);
      const upstreamAdd = first.json.tools.find((tool: { name: string }) => tool.name === "add");
      const upstreamEcho = first.json.tools.find((tool: { name: string }) => tool.name === "echo");
      const seeded = [
        upstreamAdd,
        { ...upstreamEcho, description: "Old echo." },
        { name: "legacy_tool", description: "", inputSchema: {} },
      ];
      assert.equal(
        (await f.route("PUT", "/api/servers/{slug}/tools", { params: { slug }, body: { tools: seeded } })).status,
        200,
      );
      const before = await toolsOf(slug);

      const seen = upstreams[mode].seen.length;
      const answer = await discover(slug);
      assert.equal(answer.status, 200, answer.text);
      assert.deepEqual(answer.json.diff, {
        added: ["admin_reset", "fail", "progress"],
        changed: ["echo"],
        removed: ["legacy_tool"],
        unchanged: ["add"],
      });
      assert.deepEqual(
        answer.json.tools.map((tool: { name: string }) => tool.name),
        [...UPSTREAM_TOOLS].sort(),
      );
      assert.equal(
        answer.json.tools.find((tool: { name: string }) => tool.name === "echo").description,
        "Echo the text.",
      );
      assert.equal(answer.json.applied, false);
      assert.deepEqual(await toolsOf(slug), before, "a preview changes nothing");

      const requests = upstreams[mode].seen.slice(seen);
      assert.ok(
        requests.some((request) => request.rpcMethods.includes("initialize")) &&
          requests.some((request) => request.rpcMethods.includes("tools/list")),
      );
      for (const request of requests)
        assert.equal(
          request.headers.authorization,
          UPSTREAM_SECRET,
          `${request.method} ${request.rpcMethods.join(",")} carried the credential`,
        );
      assert.ok(!answer.text.includes("up-secret") && !first.text.includes("up-secret"));
    });

    test("apply: true replaces the tools with the upstream's in one audited change", async () => {
      const slug = await f.addServer(upstreams[mode].url, { tools: [{ name: "legacy_tool" }] });
      const answer = await discover(slug, { apply: true });
      assert.equal(answer.status, 200, answer.text);
      assert.equal(answer.json.applied, true);
      assert.deepEqual(answer.json.diff.removed, ["legacy_tool"]);
      assert.deepEqual(
        (await toolsOf(slug)).map((tool) => tool.name),
        [...UPSTREAM_TOOLS].sort(),
      );
      const event = await f.reg.db.auditEvent.findFirstOrThrow({
        where: { action: "server.tools.replace", targetName: slug },
      });
      assert.equal(event.actorName, "Adele Vance");
      assert.deepEqual((event.after as { tools: string[] }).tools, [...UPSTREAM_TOOLS].sort());
      assert.ok(!JSON.stringify(event).includes("up-secret"));
      const server = await f.reg.db.server.findUniqueOrThrow({ where: { slug } });
      assert.equal(server.healthStatus, "up", "discovery is a probe too");
      assert.ok(server.healthLatencyMs !== null && server.healthLatencyMs >= 0);
    });
  });
}

test("the legacy SSE transport (transport: sse) is discovered with the SDK's SSE client, credentials on every request", async () => {
  const legacy = await startLegacySseUpstream({ name: "authorization", value: UPSTREAM_SECRET });
  try {
    const slug = await f.addServer(legacy.url, { transport: "sse" });
    const answer = await discover(slug);
    assert.equal(answer.status, 200, answer.text);
    assert.deepEqual(answer.json.diff.added, ["greet", "ping"]);
    assert.ok(legacy.seenHeaders.length >= 2);
    assert.ok(legacy.seenHeaders.every((value) => value === UPSTREAM_SECRET));
  } finally {
    await legacy.close();
  }
});

describe("failures are 502 bad_gateway with a message that says what went wrong, and store the server down", () => {
  const expectFailure = async (slug: string, pattern: RegExp) => {
    const answer = await discover(slug);
    assert.equal(answer.status, 502, answer.text);
    assert.equal(answer.json.error.code, "bad_gateway");
    assert.match(answer.json.error.message, pattern);
    assert.ok(!answer.text.includes("up-secret"));
    const server = await f.reg.db.server.findUniqueOrThrow({ where: { slug } });
    assert.equal(server.healthStatus, "down");
    assert.equal(server.healthError, answer.json.error.message);
    assert.equal(server.healthLatencyMs, null);
  };

  test("auth refused: the upstream wants credentials the server does not have", async () => {
    await expectFailure(
      await f.addServer(upstreams.json.url, { credentials: false }),
      /refused the registry's request \(HTTP 401\).*upstream credentials/,
    );
  });
  test("unreachable, with the error code", async () => {
    await expectFailure(await f.addServer(await closedPortUrl()), /unreachable \(ECONNREFUSED\)/);
  });
  test("not MCP: a web page", async () => {
    const site = await startHtmlSite(200);
    await expectFailure(await f.addServer(site.url), /text\/html, not MCP/).finally(() => site.close());
  });
  test("an HTTP error status", async () => {
    const site = await startHtmlSite(500);
    await expectFailure(await f.addServer(site.url), /answered HTTP 500/).finally(() => site.close());
  });
  test("TLS: a certificate for another host", async () => {
    const tls = await startMismatchedTls();
    await expectFailure(
      await f.addServer(tls.url),
      /TLS certificate was refused \(ERR_TLS_CERT_ALTNAME_INVALID\)/,
    ).finally(() => tls.close());
  });
  test("timeout: an upstream that never answers", async () => {
    const silent = await startSilentServer();
    try {
      const slug = await f.addServer(silent.url);
      await assert.rejects(
        discoverTools(systemContext(f.reg.db, SYSTEM.requestId), { slug, apply: false, timeoutMs: 300 }),
        (error: Error) => /did not answer within 0.3 s/.test(error.message),
      );
      assert.equal((await f.reg.db.server.findUniqueOrThrow({ where: { slug } })).healthStatus, "down");
    } finally {
      await silent.close();
    }
  });
});

test("visibility before permission: invisible or absent → 404, visible without servers:write → 403", async () => {
  assert.equal((await discover("no-such-server")).status, 404);
  assert.equal(
    (await f.route("POST", "/api/servers/{slug}/discover", { as: f.payments, params: { slug: "slack" }, body: {} }))
      .status,
    404,
  );
  assert.equal(
    (await f.route("POST", "/api/servers/{slug}/discover", { as: f.payments, params: { slug: "github" }, body: {} }))
      .status,
    403,
  );
});

test("upstream credentials never reach a log line, whatever the outcome", async () => {
  const lines: string[] = [];
  const writes = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };
  // Log lines are kept; anything else (the test runner's own messages) passes through untouched.
  const capture =
    (forward: (...args: never[]) => boolean) =>
    (chunk: unknown, ...rest: unknown[]) =>
      typeof chunk === "string" && chunk.startsWith('{"time"')
        ? (lines.push(chunk), true)
        : forward(...([chunk, ...rest] as never[]));
  const level = process.env.REGISTRY_LOG_LEVEL;
  process.env.REGISTRY_LOG_LEVEL = "debug";
  process.stdout.write = capture(writes.out) as typeof process.stdout.write;
  process.stderr.write = capture(writes.err) as typeof process.stderr.write;
  try {
    await discover(await f.addServer(upstreams.json.url));
    await discover(await f.addServer(await closedPortUrl()));
    const site = await startHtmlSite(403);
    await discover(await f.addServer(site.url)).finally(() => site.close());
  } finally {
    process.stdout.write = writes.out;
    process.stderr.write = writes.err;
    process.env.REGISTRY_LOG_LEVEL = level;
  }
  assert.ok(lines.length > 0, "the requests were logged at debug");
  assert.ok(!lines.join("").includes("up-secret"));
});
