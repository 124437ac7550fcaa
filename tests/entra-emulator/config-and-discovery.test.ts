import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { loadEmulatorConfig, parseEmulatorConfig } from "../../entra-emulator/config";
import type { EntraEmulator } from "../../entra-emulator/server";
import {
  M2M_APPS,
  REDIRECT_URI,
  REGISTRY_APP,
  TENANT_ID,
  USERS,
  V1_ISSUER,
  V2_ISSUER,
  demoConfig,
  demoConfigJson,
  signInAs,
  startTestEmulator,
} from "./helpers";

describe("emulator config", () => {
  it("loads the demo tenant with its ids", async () => {
    const config = await loadEmulatorConfig("entra-emulator/demo-tenant.json");
    const tenant = config.tenants[0]!;
    assert.equal(tenant.id, TENANT_ID);
    assert.deepEqual(
      new Set(tenant.apps.map((a) => a.clientId)),
      new Set([REGISTRY_APP.clientId, ...Object.values(M2M_APPS).map((a) => a.clientId)]),
    );
    assert.deepEqual(
      tenant.users.map((u) => u.objectId),
      [USERS.adele.objectId, USERS.alex.objectId, USERS.megan.objectId],
    );
    assert.equal(config.accessTokenLifetimeSeconds, 3600);
  });

  const invalid: [string, (raw: any) => void, RegExp][] = [
    [
      "an app role the resource does not declare",
      (raw) => (raw.tenants[0].apps[3].appRoleAssignments[0].role = "Registry.Root"),
      /apps\.3\.appRoleAssignments\.0\.role: app 'MCP Registry' has no app role 'Registry\.Root'/,
    ],
    [
      "a duplicate client id",
      (raw) => (raw.tenants[0].apps[2].clientId = raw.tenants[0].apps[1].clientId),
      /apps\.2\.clientId: duplicate client id/,
    ],
    [
      "a group that does not exist",
      (raw) => raw.tenants[0].users[2].groups.push("11111111-2222-3333-4444-555555555555"),
      /users\.2\.groups\.0: no group/,
    ],
    [
      "a token version other than 1 or 2",
      (raw) => (raw.tenants[0].apps[0].requestedAccessTokenVersion = 3),
      /apps\.0\.requestedAccessTokenVersion/,
    ],
    ["a client id that is not a GUID", (raw) => (raw.tenants[0].apps[1].clientId = "payments"), /apps\.1\.clientId/],
  ];
  for (const [label, edit, message] of invalid) {
    it(`rejects ${label}`, () => {
      const raw = demoConfigJson();
      edit(raw);
      assert.throws(() => parseEmulatorConfig(raw), message);
    });
  }
});

describe("discovery endpoints", () => {
  let emulator: EntraEmulator;
  before(async () => {
    emulator = await startTestEmulator();
  });
  after(() => emulator.close());

  const get = async (path: string) => {
    const response = await fetch(`${emulator.url}/${path}`);
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };

  it("serves a v2 OpenID configuration with Entra's issuer and the emulator's endpoints", async () => {
    const { status, body } = await get(`${TENANT_ID}/v2.0/.well-known/openid-configuration`);
    assert.equal(status, 200);
    assert.equal(body.issuer, V2_ISSUER);
    assert.equal(body.authorization_endpoint, `${emulator.url}/${TENANT_ID}/oauth2/v2.0/authorize`);
    assert.equal(body.token_endpoint, `${emulator.url}/${TENANT_ID}/oauth2/v2.0/token`);
    assert.equal(body.jwks_uri, `${emulator.url}/${TENANT_ID}/discovery/v2.0/keys`);
    assert.equal(body.end_session_endpoint, `${emulator.url}/${TENANT_ID}/oauth2/v2.0/logout`);
    assert.deepEqual(body.id_token_signing_alg_values_supported, ["RS256"]);
  });

  it("serves a v1 OpenID configuration with the sts.windows.net issuer", async () => {
    const { body } = await get(`${TENANT_ID}/.well-known/openid-configuration`);
    assert.equal(body.issuer, V1_ISSUER);
    assert.equal(body.jwks_uri, `${emulator.url}/${TENANT_ID}/discovery/keys`);
    assert.equal(body.token_endpoint, `${emulator.url}/${TENANT_ID}/oauth2/token`);
  });

  it("serves common and organizations with Entra's {tenantid} placeholder", async () => {
    for (const segment of ["common", "organizations"]) {
      const { body } = await get(`${segment}/v2.0/.well-known/openid-configuration`);
      assert.equal(body.issuer, "https://login.microsoftonline.com/{tenantid}/v2.0");
    }
  });

  it("answers an unknown tenant with AADSTS90002", async () => {
    const { status, body } = await get("11111111-2222-3333-4444-555555555555/v2.0/.well-known/openid-configuration");
    assert.equal(status, 400);
    assert.deepEqual(body.error_codes, [90002]);
    assert.equal((await get("11111111-2222-3333-4444-555555555555/discovery/v2.0/keys")).status, 400);
  });

  it("publishes RSA signing keys in Entra's JWKS shape", async () => {
    const { body } = await get(`${TENANT_ID}/discovery/v2.0/keys`);
    assert.equal(body.keys.length, 2);
    for (const key of body.keys) {
      assert.equal(key.kty, "RSA");
      assert.equal(key.use, "sig");
      assert.match(key.kid, /^[A-Za-z0-9_-]{27}$/);
      assert.equal(key.x5t, key.kid);
      assert.equal(key.e, "AQAB");
      assert.equal(Buffer.from(key.n, "base64url").length, 256);
      assert.equal(key.d, undefined, "never a private part");
      assert.equal(key.issuer, V2_ISSUER);
    }
  });

  it("answers MSAL instance discovery", async () => {
    const authorize = encodeURIComponent(`${emulator.url}/${TENANT_ID}/oauth2/v2.0/authorize`);
    const { body } = await get(`common/discovery/instance?api-version=1.1&authorization_endpoint=${authorize}`);
    const host = `localhost:${emulator.port}`;
    assert.equal(body.tenant_discovery_endpoint, `${emulator.url}/${TENANT_ID}/v2.0/.well-known/openid-configuration`);
    assert.equal(body["api-version"], "1.1");
    assert.deepEqual(body.metadata, [{ preferred_network: host, preferred_cache: host, aliases: [host] }]);
  });
});

describe("groups overage", () => {
  let emulator: EntraEmulator;
  before(async () => {
    emulator = await startTestEmulator(
      demoConfig((raw) => {
        raw.groupsOverageLimit = 1;
        raw.tenants[0].users[0].groups.push("1b8a6496-4d8b-4429-a9cf-7bc3d64affa1");
      }),
    );
  });
  after(() => emulator.close());

  it("replaces the groups claim with Entra's overage marker", async () => {
    const query = new URLSearchParams({
      client_id: REGISTRY_APP.clientId,
      response_type: "code",
      redirect_uri: REDIRECT_URI,
      scope: "openid profile",
    });
    const code = (
      await signInAs(emulator, `${emulator.url}/${TENANT_ID}/oauth2/v2.0/authorize?${query}`, USERS.adele.objectId)
    ).searchParams.get("code")!;
    const response = await fetch(`${emulator.url}/${TENANT_ID}/oauth2/v2.0/token`, {
      method: "POST",
      body: new URLSearchParams({
        grant_type: "authorization_code",
        code,
        redirect_uri: REDIRECT_URI,
        client_id: REGISTRY_APP.clientId,
        client_secret: REGISTRY_APP.secret,
      }),
    });
    const body = (await response.json()) as Record<string, string>;
    assert.equal(body.refresh_token, undefined, "no offline_access, no refresh token");
    const id = JSON.parse(Buffer.from(body.id_token!.split(".")[1]!, "base64url").toString());
    assert.equal(id.groups, undefined);
    assert.deepEqual(id._claim_names, { groups: "src1" });
    assert.match(
      id._claim_sources.src1.endpoint,
      new RegExp(`/${TENANT_ID}/users/${USERS.adele.objectId}/getMemberObjects$`),
    );
  });
});
