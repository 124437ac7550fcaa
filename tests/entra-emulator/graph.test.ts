import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { servicePrincipalObjectId } from "../../entra-emulator/identifiers";
import type { EntraEmulator } from "../../entra-emulator/server";
import {
  M2M_APPS,
  REGISTRY_APP,
  REGISTRY_ADMINS_GROUP,
  TENANT_ID,
  USERS,
  demoConfig,
  msalClient,
  startTestEmulator,
} from "./helpers";

const PAYMENTS_GROUP = "1b8a6496-4d8b-4429-a9cf-7bc3d64affa1";
const GRAPH_SCOPE = "https://graph.microsoft.com/.default";
const DAY_MS = 86_400_000;

const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString());
const unsigned = (claims: Record<string, unknown>) =>
  `${Buffer.from('{"alg":"none"}').toString("base64url")}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.`;

async function graph(emulator: EntraEmulator, method: "GET" | "POST", path: string, token: string | null) {
  const response = await fetch(`${emulator.url}/v1.0/${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), "content-type": "application/json" },
    body: method === "POST" ? JSON.stringify({ securityEnabledOnly: false }) : undefined,
  });
  return { status: response.status, body: (await response.json()) as any };
}

describe("Microsoft Graph (emulated)", () => {
  let emulator: EntraEmulator;
  let registryGraphToken: string;
  before(async () => {
    emulator = await startTestEmulator(
      demoConfig((raw) => {
        const sync = raw.tenants[0].apps.find((a: any) => a.clientId === M2M_APPS.catalogSync.clientId);
        sync.groups = [PAYMENTS_GROUP];
        sync.groupsOverage = true;
        raw.tenants[0].users[0].groupsOverage = true;
      }),
    );
    registryGraphToken = (await msalClient(emulator, REGISTRY_APP).acquireTokenByClientCredential({
      scopes: [GRAPH_SCOPE],
    }))!.accessToken;
  });
  after(() => emulator.close());

  it("issues the overage marker instead of groups to an app flagged groupsOverage", async () => {
    const result = await msalClient(emulator, M2M_APPS.catalogSync).acquireTokenByClientCredential({
      scopes: [`api://${REGISTRY_APP.clientId}/.default`],
    });
    const claims = claimsOf(result!.accessToken);
    assert.equal(claims.groups, undefined);
    assert.deepEqual(claims._claim_names, { groups: "src1" });
    assert.deepEqual(claims.roles, ["Registry.Read"], "app roles are unaffected");
  });

  it("puts the registry app's Graph application permissions in its Graph token", () => {
    const claims = claimsOf(registryGraphToken);
    assert.equal(claims.aud, "https://graph.microsoft.com");
    assert.deepEqual(claims.roles, ["Application.Read.All", "GroupMember.Read.All"]);
  });

  it("getMemberObjects lists a service principal's and a user's groups", async () => {
    const sp = servicePrincipalObjectId(TENANT_ID, { clientId: M2M_APPS.catalogSync.clientId });
    const app = await graph(emulator, "POST", `servicePrincipals/${sp}/getMemberObjects`, registryGraphToken);
    assert.equal(app.status, 200);
    assert.deepEqual(app.body.value, [PAYMENTS_GROUP]);
    const user = await graph(emulator, "POST", `users/${USERS.adele.objectId}/getMemberObjects`, registryGraphToken);
    assert.deepEqual(user.body.value, [REGISTRY_ADMINS_GROUP]);
    const missing = await graph(
      emulator,
      "POST",
      `users/00000000-0000-4000-8000-000000000000/getMemberObjects`,
      registryGraphToken,
    );
    assert.equal(missing.status, 404);
    assert.equal(missing.body.error.code, "Request_ResourceNotFound");
  });

  it("serves applications with secret and certificate end dates, and service principals by appId", async () => {
    const before = Date.now();
    const app = await graph(
      emulator,
      "GET",
      `applications(appId='${M2M_APPS.paymentsCi.clientId}')?$select=displayName,passwordCredentials,keyCredentials`,
      registryGraphToken,
    );
    assert.equal(app.status, 200);
    assert.equal(app.body.displayName, "payments-ci-pipeline");
    assert.equal(app.body.appId, undefined, "$select is honoured");
    const secretEnd = Date.parse(app.body.passwordCredentials[0].endDateTime);
    assert.ok(Math.abs(secretEnd - (before - 3 * DAY_MS)) < 60_000, "the demo secret expired three days ago");
    assert.ok(Date.parse(app.body.keyCredentials[0].endDateTime) > before + 100 * DAY_MS);
    const sp = await graph(
      emulator,
      "GET",
      `servicePrincipals(appId='${M2M_APPS.catalogSync.clientId}')`,
      registryGraphToken,
    );
    assert.equal(sp.body.displayName, "catalog-sync-job");
    assert.equal(sp.body.id, servicePrincipalObjectId(TENANT_ID, { clientId: M2M_APPS.catalogSync.clientId }));
    assert.equal(
      (await graph(emulator, "GET", "applications(appId='00000000-0000-4000-8000-000000000000')", registryGraphToken))
        .status,
      404,
    );
  });

  it("refuses tokens that are missing, not for Graph, expired or from another tenant (401)", async () => {
    const apiToken = (await msalClient(emulator, M2M_APPS.catalogSync).acquireTokenByClientCredential({
      scopes: [`api://${REGISTRY_APP.clientId}/.default`],
    }))!.accessToken;
    const now = Math.floor(Date.now() / 1000);
    const path = `applications(appId='${M2M_APPS.paymentsCi.clientId}')`;
    for (const token of [
      null,
      apiToken,
      unsigned({ aud: "https://graph.microsoft.com", tid: TENANT_ID, exp: now - 10, roles: ["Application.Read.All"] }),
      unsigned({
        aud: "https://graph.microsoft.com",
        tid: "9d3f6a52-1c4e-4b7a-8e21-5f0c9b7d3e11",
        exp: now + 600,
        roles: ["Application.Read.All"],
      }),
    ]) {
      const response = await graph(emulator, "GET", path, token);
      assert.equal(response.status, 401);
      assert.equal(response.body.error.code, "InvalidAuthenticationToken");
    }
  });

  it("answers 403 Authorization_RequestDenied to an app without the permission", async () => {
    const token = (await msalClient(emulator, M2M_APPS.paymentsCi).acquireTokenByClientCredential({
      scopes: [GRAPH_SCOPE],
    }))!.accessToken;
    const apps = await graph(emulator, "GET", `applications(appId='${M2M_APPS.paymentsCi.clientId}')`, token);
    assert.equal(apps.status, 403);
    assert.equal(apps.body.error.code, "Authorization_RequestDenied");
    assert.equal((await graph(emulator, "POST", `users/${USERS.adele.objectId}/getMemberObjects`, token)).status, 403);
  });
});
