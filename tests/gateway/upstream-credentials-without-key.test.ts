import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { upstreamCredentialRoutes } from "@/lib/api/routes/upstream-credentials";
import { startApiRegistry, type ApiRegistry } from "../api/support/api-registry";
import { runRoute } from "./support/run-route";

let reg: ApiRegistry;
before(async () => {
  delete process.env.REGISTRY_SECRETS_KEY;
  reg = await startApiRegistry();
});
after(async () => reg?.close());

test("without REGISTRY_SECRETS_KEY, setting upstream credentials is refused (409) with what to configure; nothing is stored", async () => {
  const admin = { session: await reg.session(reg.userIds.adele) };
  const answer = await runRoute(upstreamCredentialRoutes, "PUT", "/api/servers/{slug}/upstream-credentials", {
    as: admin,
    params: { slug: "github" },
    body: { headers: { Authorization: "Bearer x" } },
  });
  assert.equal(answer.status, 409);
  assert.equal(answer.json.error.code, "conflict");
  assert.match(answer.json.error.message, /REGISTRY_SECRETS_KEY/);
  assert.equal(await reg.db.serverUpstreamCredential.count(), 0);
});
