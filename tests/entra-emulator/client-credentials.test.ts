import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { EntraEmulator } from "../../entra-emulator/server";
import { servicePrincipalObjectId } from "../../entra-emulator/identifiers";
import {
  M2M_APPS,
  REGISTRY_APP,
  TENANT_ID,
  V1_ISSUER,
  V2_ISSUER,
  demoConfig,
  fetchJwksKids,
  kidOf,
  msalClient,
  startTestEmulator,
  verifyToken,
} from "./helpers";

const REGISTRY_SCOPE = `api://${REGISTRY_APP.clientId}/.default`;

describe("client credentials with msal-node (v2 access tokens)", () => {
  let emulator: EntraEmulator;
  before(async () => {
    emulator = await startTestEmulator();
  });
  after(() => emulator.close());

  for (const [name, app] of Object.entries(M2M_APPS)) {
    it(`issues a verifiable app-only token to ${name}`, async () => {
      const result = await msalClient(emulator, app).acquireTokenByClientCredential({ scopes: [REGISTRY_SCOPE] });
      assert.ok(result?.accessToken);
      assert.equal(result.tokenType, "Bearer");
      const claims = await verifyToken(emulator, result.accessToken, {
        issuer: V2_ISSUER,
        audience: REGISTRY_APP.clientId,
      });
      assert.equal(claims.ver, "2.0");
      assert.equal(claims.azp, app.clientId);
      assert.equal(claims.azpacr, "1");
      assert.equal(claims.appid, undefined);
      assert.equal(claims.idtyp, "app");
      assert.equal(claims.tid, TENANT_ID);
      assert.equal(claims.oid, servicePrincipalObjectId(TENANT_ID, { clientId: app.clientId }));
      assert.equal(claims.sub, claims.oid);
      assert.equal(claims.scp, undefined);
      assert.equal((claims.exp ?? 0) - (claims.iat ?? 0), 3600);
      assert.ok(typeof claims.uti === "string" && typeof claims.rh === "string");
      if (app === M2M_APPS.catalogSync) assert.deepEqual(claims.roles, ["Registry.Read"]);
      else assert.equal(claims.roles, undefined);
      assert.equal(kidOf(result.accessToken), (await fetchJwksKids(emulator))[0], "signed with the current key");
    });
  }

  it("gives the same service principal the same oid on every token", async () => {
    const first = await msalClient(emulator, M2M_APPS.paymentsCi).acquireTokenByClientCredential({
      scopes: [REGISTRY_SCOPE],
    });
    const second = await msalClient(emulator, M2M_APPS.paymentsCi).acquireTokenByClientCredential({
      scopes: [`${REGISTRY_APP.clientId}/.default`],
    });
    const a = await verifyToken(emulator, first!.accessToken, { issuer: V2_ISSUER, audience: REGISTRY_APP.clientId });
    const b = await verifyToken(emulator, second!.accessToken, { issuer: V2_ISSUER, audience: REGISTRY_APP.clientId });
    assert.equal(a.oid, b.oid);
    assert.notEqual(a.uti, b.uti);
  });

  it("rejects a wrong secret with invalid_client / AADSTS7000215", async () => {
    const client = msalClient(emulator, { ...M2M_APPS.paymentsCi, secret: "not-the-secret" });
    await assert.rejects(client.acquireTokenByClientCredential({ scopes: [REGISTRY_SCOPE] }), (err: any) => {
      assert.equal(err.errorCode, "invalid_client");
      assert.match(err.errorMessage, /AADSTS7000215: Invalid client secret provided/);
      assert.equal(err.status, 401);
      return true;
    });
  });

  it("rejects an unknown client with unauthorized_client / AADSTS700016", async () => {
    const client = msalClient(emulator, { clientId: "00000000-1111-2222-3333-444444444444", secret: "x" });
    await assert.rejects(client.acquireTokenByClientCredential({ scopes: [REGISTRY_SCOPE] }), (err: any) => {
      assert.equal(err.errorCode, "unauthorized_client");
      assert.match(
        err.errorMessage,
        /AADSTS700016: Application with identifier '00000000-1111-2222-3333-444444444444' was not found/,
      );
      return true;
    });
  });

  it("rejects an unknown resource with invalid_resource / AADSTS500011", async () => {
    const client = msalClient(emulator, M2M_APPS.paymentsCi);
    await assert.rejects(
      client.acquireTokenByClientCredential({ scopes: ["api://no-such-api/.default"] }),
      (err: any) => {
        assert.equal(err.errorCode, "invalid_resource");
        assert.match(err.errorMessage, /AADSTS500011: The resource principal named api:\/\/no-such-api was not found/);
        return true;
      },
    );
  });

  it("does not treat a plain client app as a resource", async () => {
    const client = msalClient(emulator, M2M_APPS.paymentsCi);
    await assert.rejects(
      client.acquireTokenByClientCredential({ scopes: [`${M2M_APPS.catalogSync.clientId}/.default`] }),
      /AADSTS500011/,
    );
  });
});

describe("the token endpoint without msal", () => {
  let emulator: EntraEmulator;
  before(async () => {
    emulator = await startTestEmulator();
  });
  after(() => emulator.close());

  const post = (path: string, form: Record<string, string>, headers: Record<string, string> = {}) =>
    fetch(`${emulator.url}/${path}`, { method: "POST", body: new URLSearchParams(form), headers });

  it("accepts client_secret_basic", async () => {
    const basic = Buffer.from(
      `${M2M_APPS.catalogSync.clientId}:${encodeURIComponent(M2M_APPS.catalogSync.secret)}`,
    ).toString("base64");
    const response = await post(
      `${TENANT_ID}/oauth2/v2.0/token`,
      { grant_type: "client_credentials", scope: REGISTRY_SCOPE },
      { Authorization: `Basic ${basic}` },
    );
    assert.equal(response.status, 200);
    const body = (await response.json()) as Record<string, unknown>;
    assert.deepEqual(Object.keys(body).sort(), ["access_token", "expires_in", "ext_expires_in", "token_type"]);
    assert.equal(body.expires_in, 3599);
    assert.equal(response.headers.get("cache-control"), "no-store, no-cache");
  });

  const cases: [string, string, Record<string, string>, number, string, number][] = [
    [
      "an unknown tenant",
      "00000000-0000-0000-0000-000000000001",
      { grant_type: "client_credentials" },
      400,
      "invalid_request",
      90002,
    ],
    ["an unsupported grant", TENANT_ID, { grant_type: "password" }, 400, "unsupported_grant_type", 70003],
    [
      "a scope without /.default",
      TENANT_ID,
      {
        grant_type: "client_credentials",
        client_id: M2M_APPS.paymentsCi.clientId,
        client_secret: M2M_APPS.paymentsCi.secret,
        scope: `api://${REGISTRY_APP.clientId}/access_as_user`,
      },
      400,
      "invalid_scope",
      1002012,
    ],
    [
      "a missing secret",
      TENANT_ID,
      { grant_type: "client_credentials", client_id: M2M_APPS.paymentsCi.clientId, scope: REGISTRY_SCOPE },
      401,
      "invalid_client",
      7000218,
    ],
  ];
  for (const [label, tenant, form, status, error, code] of cases) {
    it(`answers ${label} in Entra's error shape`, async () => {
      const response = await post(`${tenant}/oauth2/v2.0/token`, form, { "client-request-id": "test-correlation-1" });
      assert.equal(response.status, status);
      const body = (await response.json()) as Record<string, any>;
      assert.equal(body.error, error);
      assert.deepEqual(body.error_codes, [code]);
      assert.match(
        body.error_description,
        new RegExp(
          `^AADSTS${code}: .+ Trace ID: [0-9a-f-]{36} Correlation ID: test-correlation-1 Timestamp: \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ$`,
        ),
      );
      assert.equal(body.correlation_id, "test-correlation-1");
      assert.match(body.trace_id, /^[0-9a-f-]{36}$/);
    });
  }

  it("serves v1 client credentials with resource= at /oauth2/token", async () => {
    const response = await post(`${TENANT_ID}/oauth2/token`, {
      grant_type: "client_credentials",
      client_id: M2M_APPS.catalogSync.clientId,
      client_secret: M2M_APPS.catalogSync.secret,
      resource: `api://${REGISTRY_APP.clientId}`,
    });
    assert.equal(response.status, 200);
    const body = (await response.json()) as Record<string, string>;
    assert.equal(body.resource, `api://${REGISTRY_APP.clientId}`);
    assert.equal(body.expires_in, "3599");
    // The registry app asks for v2 tokens, whichever endpoint issues them.
    const claims = await verifyToken(emulator, body.access_token!, {
      issuer: V2_ISSUER,
      audience: REGISTRY_APP.clientId,
    });
    assert.equal(claims.azp, M2M_APPS.catalogSync.clientId);
  });
});

describe("client credentials for an API that asks for v1 tokens", () => {
  let emulator: EntraEmulator;
  before(async () => {
    emulator = await startTestEmulator(
      demoConfig((raw) => {
        raw.tenants[0].apps[0].requestedAccessTokenVersion = 1;
      }),
    );
  });
  after(() => emulator.close());

  it("issues v1 tokens with the sts.windows.net issuer, appid and the requested resource as audience", async () => {
    const result = await msalClient(emulator, M2M_APPS.catalogSync).acquireTokenByClientCredential({
      scopes: [REGISTRY_SCOPE],
    });
    const claims = await verifyToken(emulator, result!.accessToken, {
      issuer: V1_ISSUER,
      audience: `api://${REGISTRY_APP.clientId}`,
    });
    assert.equal(claims.ver, "1.0");
    assert.equal(claims.appid, M2M_APPS.catalogSync.clientId);
    assert.equal(claims.appidacr, "1");
    assert.equal(claims.azp, undefined);
    assert.equal(claims.idp, V1_ISSUER);
    assert.equal(claims.idtyp, "app");
    assert.equal(claims.sub, claims.oid);
    assert.deepEqual(claims.roles, ["Registry.Read"]);
  });

  it("uses the client id as v1 audience when the resource was named by client id", async () => {
    const result = await msalClient(emulator, M2M_APPS.paymentsCi).acquireTokenByClientCredential({
      scopes: [`${REGISTRY_APP.clientId}/.default`],
    });
    const claims = await verifyToken(emulator, result!.accessToken, {
      issuer: V1_ISSUER,
      audience: REGISTRY_APP.clientId,
    });
    assert.equal(claims.appid, M2M_APPS.paymentsCi.clientId);
    assert.equal(claims.roles, undefined);
  });

  it("treats an API without requestedAccessTokenVersion as v1, like Entra's null default", async () => {
    const config = demoConfig((raw) => {
      delete raw.tenants[0].apps[0].requestedAccessTokenVersion;
    });
    const other = await startTestEmulator(config);
    try {
      const result = await msalClient(other, M2M_APPS.paymentsCi).acquireTokenByClientCredential({
        scopes: [REGISTRY_SCOPE],
      });
      const claims = await verifyToken(other, result!.accessToken, {
        issuer: V1_ISSUER,
        audience: `api://${REGISTRY_APP.clientId}`,
      });
      assert.equal(claims.ver, "1.0");
    } finally {
      await other.close();
    }
  });
});
