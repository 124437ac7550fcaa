import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { call } from "./support/call";
import { DEMO, startApiRegistry, type ApiRegistry } from "./support/api-registry";

const NEW_ADMIN_GROUP = "3f1c9a57-2b6d-4e8f-9a10-7c2d5e4b6a01";
let reg: ApiRegistry;
before(
  async () =>
    (reg = await startApiRegistry({
      REGISTRY_ADMIN_ENTRA_GROUPS: NEW_ADMIN_GROUP,
      REGISTRY_ADMIN_APP_ROLES: "Registry.Owner",
    })),
);
after(async () => reg.close());

test("REGISTRY_ADMIN_ENTRA_GROUPS makes a user in that Entra group an admin from the first sign-in", async () => {
  const session = await reg.signIn(DEMO.users.alex, { groups: [NEW_ADMIN_GROUP] });
  const me = (await call("GET", "/api/me", { as: { session } })).json;
  const admins = me.groups.find((g: { name: string }) => g.name === "registry-admins");
  assert.deepEqual(admins.reasons, [{ kind: "bootstrap", value: `REGISTRY_ADMIN_ENTRA_GROUPS: ${NEW_ADMIN_GROUP}` }]);
  assert.ok(me.permissions.includes("iam:write"));
});

test("REGISTRY_ADMIN_APP_ROLES makes an M2M token carrying that role an admin", async () => {
  const me = (
    await call("GET", "/api/me", { as: { bearer: reg.appToken(DEMO.apps.catalogSync, { roles: ["Registry.Owner"] }) } })
  ).json;
  assert.deepEqual(
    me.groups.map((g: { name: string }) => g.name),
    ["registry-admins"],
  );
  assert.equal(
    (
      await call("GET", "/api/iam/groups", {
        as: { bearer: reg.appToken(DEMO.apps.catalogSync, { roles: ["Registry.Owner"] }) },
      })
    ).status,
    200,
  );
});

test("RFC 9728 metadata names the Entra authorization server and the .default scope", async () => {
  const body = (await call("GET", "/.well-known/oauth-protected-resource")).json as Record<string, unknown>;
  assert.deepEqual(body.authorization_servers, [`https://login.microsoftonline.com/${DEMO.tenant}/v2.0`]);
  assert.deepEqual(body.scopes_supported, [`api://${DEMO.apiClient}/.default`]);
  assert.deepEqual(body.bearer_methods_supported, ["header"]);
});

test("RFC 9728 metadata names the cloud's real v2 issuer (China uses login.partner.microsoftonline.cn)", async () => {
  const { issuerFor } = await import("@/lib/auth/entra/issuers");
  assert.equal(issuerFor("china", DEMO.tenant, 2), `https://login.partner.microsoftonline.cn/${DEMO.tenant}/v2.0`);
  const body = (await call("GET", "/.well-known/oauth-protected-resource")).json as { authorization_servers: string[] };
  assert.deepEqual(body.authorization_servers, [issuerFor("public", DEMO.tenant, 2)]);
});

test("RFC 9728 metadata for a gateway resource names that resource (path-suffixed well-known URL)", async () => {
  const response = await call("GET", "/.well-known/oauth-protected-resource/mcp/github");
  assert.equal(response.status, 200);
  assert.match(response.json.resource, /\/mcp\/github$/);
  assert.deepEqual(response.json.scopes_supported, [`api://${DEMO.apiClient}/.default`]);
});

test("an unknown API path is a JSON 404 and a known path with another method a 405 naming the allowed ones", async () => {
  const missing = await call("GET", "/api/no-such-route");
  assert.equal(missing.status, 404);
  assert.equal(missing.json.error.code, "not_found");
  const wrongMethod = await call("PUT", "/api/me");
  assert.equal(wrongMethod.status, 405);
  assert.equal(wrongMethod.headers.get("allow"), "GET, HEAD");
  assert.equal(wrongMethod.json.error.code, "method_not_allowed");
  assert.equal(wrongMethod.headers.get("x-content-type-options"), "nosniff");
});
