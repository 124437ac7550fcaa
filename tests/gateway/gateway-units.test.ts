import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { describe, test } from "node:test";
import { computeEffectiveAccess } from "@/lib/access/effective-access";
import { ConfigError, parseConfig } from "@/lib/config";
import { authorizeMessages } from "@/lib/gateway/authorize-messages";
import { ResponseWatch } from "@/lib/gateway/response-watch";
import { sseTransform } from "@/lib/gateway/sse-transform";
import { openSecret, sealSecret } from "@/lib/secrets/secret-box";

const base = {
  ENTRA_TENANT_IDS: "77ac5383-74a0-4b68-ae2c-83504351a44e",
  ENTRA_CLIENT_ID: "81382876-ac08-4e70-a240-ad7c89ed8dfe",
};

describe("REGISTRY_SECRETS_KEY and the secret box", () => {
  test("the key must be 32 bytes of base64; a bad one stops the start naming the variable", () => {
    assert.equal(parseConfig(base).secretsKey, undefined);
    assert.equal(
      parseConfig({ ...base, REGISTRY_SECRETS_KEY: randomBytes(32).toString("base64") }).secretsKey?.length,
      32,
    );
    for (const bad of [randomBytes(16).toString("base64"), "not base64 at all!", "x".repeat(44)]) {
      assert.throws(
        () => parseConfig({ ...base, REGISTRY_SECRETS_KEY: bad }),
        (error: unknown) =>
          error instanceof ConfigError &&
          /^REGISTRY_SECRETS_KEY: .*openssl rand -base64 32/.test(error.problems.join()),
      );
    }
    assert.throws(() => parseConfig({ ...base, REGISTRY_GATEWAY_TIMEOUT_MS: "0" }), /REGISTRY_GATEWAY_TIMEOUT_MS/);
    assert.equal(parseConfig(base).gatewayTimeoutMs, 30_000);
  });

  test("AES-256-GCM: round trip, a fresh IV each time, tampering and a wrong key fail", () => {
    const key = randomBytes(32);
    const sealed = sealSecret("Bearer s3cret", key);
    assert.equal(openSecret(sealed, key), "Bearer s3cret");
    assert.notEqual(sealSecret("Bearer s3cret", key), sealed);
    const bytes = Buffer.from(sealed, "base64");
    bytes[bytes.length - 1]! ^= 1;
    assert.throws(() => openSecret(bytes.toString("base64"), key));
    assert.throws(() => openSecret(sealed, randomBytes(32)));
  });
});

describe("authorizeMessages", () => {
  const group = {
    id: "g",
    name: "g",
    permissions: [],
    serverAccess: [{ server: "s", methods: ["tools/call"], tools: ["echo"] }],
  };
  const access = computeEffectiveAccess([{ id: "g", name: "g", reasons: [{ kind: "assignment" }] }], [group]);
  const call = (id: number, name: unknown) => ({ jsonrpc: "2.0", id, method: "tools/call", params: { name } });

  test("lifecycle and notifications pass without a rule naming them; responses to server requests pass", () => {
    const verdict = authorizeMessages(access, "s", [
      { jsonrpc: "2.0", id: 1, method: "initialize", params: {} },
      { jsonrpc: "2.0", id: 2, method: "ping" },
      { jsonrpc: "2.0", method: "notifications/initialized" },
      { jsonrpc: "2.0", method: "notifications/cancelled", params: { requestId: 1 } },
      { jsonrpc: "2.0", id: "srv-1", result: {} },
    ]);
    assert.deepEqual(verdict.refusals, []);
    assert.equal(verdict.forward.length, 5);
  });

  test('ids 1 and "1" are different requests', () => {
    const verdict = authorizeMessages(access, "s", [call(1, "echo"), { ...call(2, "echo"), id: "1" }]);
    assert.equal(verdict.toolCalls.size, 2);
  });

  test("a tools/call without a tool name, or with a non-string one, is refused (-32602)", () => {
    for (const name of [undefined, 42, ""]) {
      const verdict = authorizeMessages(access, "s", call(3, name));
      assert.equal(verdict.refusals[0]!.error!.code, -32602);
      assert.equal(verdict.forward.length, 0);
    }
  });

  test("a batch over 100 messages is refused whole, unread", () => {
    const verdict = authorizeMessages(
      access,
      "s",
      Array.from({ length: 101 }, (_, i) => call(i, "nope")),
    );
    assert.equal(verdict.refusals.length, 1);
    assert.equal(verdict.refusals[0]!.error!.code, -32600);
    assert.deepEqual(verdict.deniedToolCalls, []);
  });

  test("a method granted on another server is refused here", () => {
    const verdict = authorizeMessages(access, "other", call(4, "echo"));
    assert.equal(verdict.refusals[0]!.error!.code, -32003);
  });
});

async function run(chunks: string[], rewrite: (message: unknown) => unknown): Promise<string> {
  const encoder = new TextEncoder();
  const input = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
  return new Response(input.pipeThrough(sseTransform(rewrite, () => undefined))).text();
}

describe("sseTransform", () => {
  test("events pass byte for byte when nothing is rewritten, including comments and non-JSON data", async () => {
    const stream = ': keep-alive\n\nid: 1\nevent: message\ndata: {"a":1}\n\ndata: not json\n\n';
    assert.equal(await run([stream], () => undefined), stream);
  });

  test("an event split across chunks (and a CRLF split between them) is rewritten whole", async () => {
    const out = await run(
      ['id: 7\r\nevent: message\r\ndata: {"jsonrpc":"2.0",', '"id":1,"result":{"tools":[1,2]}}\r', "\n\r\n"],
      (message) => ({ ...(message as object), rewritten: true }),
    );
    assert.equal(
      out,
      'id: 7\nevent: message\ndata: {"jsonrpc":"2.0","id":1,"result":{"tools":[1,2]},"rewritten":true}\n\n',
    );
  });

  test("multi-line data is joined before parsing", async () => {
    const out = await run(['data: {"x":\ndata: 1}\n\n'], (message) => ({ y: (message as { x: number }).x + 1 }));
    assert.equal(out, 'data: {"y":2}\n\n');
  });
});

describe("ResponseWatch", () => {
  const group = {
    id: "g",
    name: "g",
    permissions: [],
    serverAccess: [{ server: "s", methods: ["*"], tools: ["echo"] }],
  };
  const access = computeEffectiveAccess([{ id: "g", name: "g", reasons: [{ kind: "assignment" }] }], [group]);
  const list = (id: number) => ({
    jsonrpc: "2.0",
    id,
    result: { tools: [{ name: "echo" }, { name: "secret" }, { title: "no name" }], nextCursor: "c" },
  });

  test("on a GET stream (a Last-Event-ID replay), any tool list is filtered, keeping the rest of the result", () => {
    const watch = new ResponseWatch(access, "s", new Set(), new Map(), true);
    assert.deepEqual(watch.inspect(list(9)), {
      jsonrpc: "2.0",
      id: 9,
      result: { tools: [{ name: "echo" }], nextCursor: "c" },
    });
  });

  test("on a POST, only answers to the tools/list requests sent are rewritten; batches item by item", () => {
    const watch = new ResponseWatch(access, "s", new Set(["number:1"]), new Map());
    assert.equal(watch.inspect(list(2)), undefined);
    const replaced = watch.inspect([list(2), list(1)]) as { result: { tools: unknown[] } }[];
    assert.equal(replaced[0]!.result.tools.length, 3);
    assert.equal(replaced[1]!.result.tools.length, 1);
  });

  test("tools/call outcomes: ok, error (isError or a JSON-RPC error), and unanswered", () => {
    const outcomes: string[] = [];
    const watch = new ResponseWatch(
      access,
      "s",
      new Set(),
      new Map([
        ["number:1", "echo"],
        ["number:2", "echo"],
        ["number:3", "echo"],
        ["number:4", "echo"],
      ]),
    );
    watch.onToolCall = (outcome) => outcomes.push(outcome.outcome);
    watch.inspect({ jsonrpc: "2.0", id: 1, result: { content: [] } });
    watch.inspect({ jsonrpc: "2.0", id: 2, result: { content: [], isError: true } });
    watch.inspect({ jsonrpc: "2.0", id: 3, error: { code: -32602, message: "bad" } });
    assert.deepEqual(outcomes, ["ok", "error", "error"]);
    assert.deepEqual(
      watch.unanswered("gone").map((left) => left.outcome),
      ["upstream_error"],
    );
  });
});
