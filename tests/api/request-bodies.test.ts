import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startApiRegistry, type ApiRegistry } from "./support/api-registry";
import { assertError } from "./support/assert-error";
import { call } from "./support/call";

let reg: ApiRegistry;
before(async () => (reg = await startApiRegistry()));
after(async () => reg?.close());

test("a body over 1 MiB is refused with 400, and nothing is created", async () => {
  const before = await reg.db.server.count();
  const huge = JSON.stringify({ slug: "huge", name: "x".repeat(1_100_000), url: "https://huge.example/mcp" });
  const response = await call("POST", "/api/servers", {
    as: { session: await reg.session(reg.userIds.adele) },
    rawBody: huge,
  });
  assertError(response, 400, "invalid_request");
  assert.match(response.json.error.message, /1 MiB/);
  assert.equal(await reg.db.server.count(), before);
});

test("a body that is not JSON is a 400 that says so", async () => {
  const response = await call("POST", "/api/servers", {
    as: { session: await reg.session(reg.userIds.adele) },
    rawBody: "{not json",
  });
  assertError(response, 400, "invalid_request");
  assert.match(response.json.error.message, /not valid JSON/);
});
