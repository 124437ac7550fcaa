import { CryptoProvider } from "@azure/msal-node";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import type { EntraEmulator } from "../../entra-emulator/server";
import {
  REDIRECT_URI,
  REGISTRY_ADMINS_GROUP,
  REGISTRY_APP,
  TENANT_ID,
  USERS,
  V2_ISSUER,
  msalClient,
  parseSignInPage,
  signInAs,
  startTestEmulator,
  verifyToken,
} from "./helpers";

const API_SCOPE = `api://${REGISTRY_APP.clientId}/access_as_user`;
const crypto = new CryptoProvider();

describe("authorization code + PKCE with msal-node", () => {
  let emulator: EntraEmulator;
  before(async () => {
    emulator = await startTestEmulator();
  });
  after(() => emulator.close());

  async function authorize(user = USERS.adele.objectId) {
    const client = msalClient(emulator, REGISTRY_APP);
    const pkce = await crypto.generatePkceCodes();
    const state = randomUUID();
    const nonce = randomUUID();
    const url = await client.getAuthCodeUrl({
      scopes: [API_SCOPE],
      redirectUri: REDIRECT_URI,
      codeChallenge: pkce.challenge,
      codeChallengeMethod: "S256",
      state,
      nonce,
    });
    const callback = await signInAs(emulator, url, user);
    return { client, pkce, state, nonce, url, callback, code: callback.searchParams.get("code")! };
  }

  it("lists the tenant's users on the sign-in page", async () => {
    const client = msalClient(emulator, REGISTRY_APP);
    const url = await client.getAuthCodeUrl({ scopes: [API_SCOPE], redirectUri: REDIRECT_URI, state: "s1" });
    assert.ok(url.startsWith(`${emulator.url}/${TENANT_ID}/oauth2/v2.0/authorize?`));
    const response = await fetch(url);
    assert.equal(response.status, 200);
    assert.match(response.headers.get("content-type") ?? "", /^text\/html/);
    assert.match(response.headers.get("content-security-policy") ?? "", /default-src 'none'/);
    const html = await response.text();
    assert.match(html, /Entra ID emulator — Contoso \(demo tenant\)/);
    const page = parseSignInPage(html);
    assert.deepEqual(
      page.accounts.map((a) => a.label),
      ["Sign in as Adele Vance", "Sign in as Alex Wilber", "Sign in as Megan Bowen"],
    );
    assert.deepEqual(
      page.accounts.map((a) => a.value),
      [USERS.adele.objectId, USERS.alex.objectId, USERS.megan.objectId],
    );
    const fields = new Map(page.fields);
    assert.equal(fields.get("client_id"), REGISTRY_APP.clientId);
    assert.equal(fields.get("redirect_uri"), REDIRECT_URI);
    assert.equal(fields.get("state"), "s1");
  });

  it("signs a user in: code, then tokens with the user's claims", async () => {
    const { client, pkce, state, nonce, callback, code } = await authorize();
    assert.equal(`${callback.origin}${callback.pathname}`, REDIRECT_URI);
    assert.equal(callback.searchParams.get("state"), state);
    assert.ok(callback.searchParams.get("session_state"));
    const clientInfo = JSON.parse(Buffer.from(callback.searchParams.get("client_info")!, "base64url").toString());
    assert.deepEqual(clientInfo, { uid: USERS.adele.objectId, utid: TENANT_ID });

    const result = await client.acquireTokenByCode(
      { code, scopes: [API_SCOPE], redirectUri: REDIRECT_URI, codeVerifier: pkce.verifier, state, nonce },
      { code, state },
    );
    const id = result.idTokenClaims as Record<string, unknown>;
    assert.equal(id.oid, USERS.adele.objectId);
    assert.equal(id.name, "Adele Vance");
    assert.equal(id.preferred_username, USERS.adele.upn);
    assert.equal(id.email, USERS.adele.upn);
    assert.deepEqual(id.groups, [REGISTRY_ADMINS_GROUP]);
    assert.equal(id.nonce, nonce);
    assert.equal(id.tid, TENANT_ID);
    assert.equal(id.ver, "2.0");
    assert.notEqual(id.sub, id.oid, "sub is pairwise");
    assert.equal(result.account?.homeAccountId, `${USERS.adele.objectId}.${TENANT_ID}`);
    assert.equal(result.account?.username, USERS.adele.upn);
    assert.equal(result.account?.tenantId, TENANT_ID);
    assert.equal(result.account?.name, "Adele Vance");

    const verifiedId = await verifyToken(emulator, result.idToken, {
      issuer: V2_ISSUER,
      audience: REGISTRY_APP.clientId,
    });
    assert.equal(verifiedId.oid, USERS.adele.objectId);
    const access = await verifyToken(emulator, result.accessToken, {
      issuer: V2_ISSUER,
      audience: REGISTRY_APP.clientId,
    });
    assert.equal(access.scp, "access_as_user");
    assert.equal(access.azp, REGISTRY_APP.clientId);
    assert.equal(access.oid, USERS.adele.objectId);
    assert.equal(access.idtyp, undefined);
    assert.equal(access.preferred_username, USERS.adele.upn);
    assert.deepEqual(access.groups, [REGISTRY_ADMINS_GROUP]);
    assert.deepEqual(result.scopes, [API_SCOPE]);
  });

  it("rejects a wrong code verifier with invalid_grant", async () => {
    const { client, state, nonce, code } = await authorize();
    const wrong = (await crypto.generatePkceCodes()).verifier;
    await assert.rejects(
      client.acquireTokenByCode(
        { code, scopes: [API_SCOPE], redirectUri: REDIRECT_URI, codeVerifier: wrong, state, nonce },
        { code, state },
      ),
      (err: any) => err.errorCode === "invalid_grant" && /AADSTS501481/.test(err.errorMessage),
    );
  });

  it("redeems a code only once", async () => {
    const { client, pkce, state, nonce, code } = await authorize(USERS.alex.objectId);
    const request = { code, scopes: [API_SCOPE], redirectUri: REDIRECT_URI, codeVerifier: pkce.verifier, state, nonce };
    const first = await client.acquireTokenByCode(request, { code, state });
    assert.equal((first.idTokenClaims as Record<string, unknown>).name, "Alex Wilber");
    await assert.rejects(
      client.acquireTokenByCode(request, { code, state }),
      (err: any) => err.errorCode === "invalid_grant" && /AADSTS54005/.test(err.errorMessage),
    );
  });

  it("rejects a redirect URI that differs from the authorize request's", async () => {
    const { client, pkce, state, nonce, code } = await authorize();
    await assert.rejects(
      client.acquireTokenByCode(
        {
          code,
          scopes: [API_SCOPE],
          redirectUri: "http://localhost:4000/auth/callback",
          codeVerifier: pkce.verifier,
          state,
          nonce,
        },
        { code, state },
      ),
      (err: any) => err.errorCode === "invalid_grant" && /AADSTS500112/.test(err.errorMessage),
    );
  });

  it("rotates refresh tokens: a new one each time, the old one stops working", async () => {
    const { pkce, code } = await authorize(USERS.megan.objectId);
    const token = (form: Record<string, string>) =>
      fetch(`${emulator.url}/${TENANT_ID}/oauth2/v2.0/token`, {
        method: "POST",
        body: new URLSearchParams({ client_id: REGISTRY_APP.clientId, client_secret: REGISTRY_APP.secret, ...form }),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, any> }));
    const first = await token({
      grant_type: "authorization_code",
      code,
      redirect_uri: REDIRECT_URI,
      code_verifier: pkce.verifier,
      scope: `${API_SCOPE} openid profile offline_access`,
    });
    assert.equal(first.status, 200);
    assert.ok(first.body.refresh_token && first.body.id_token && first.body.client_info);
    const refreshed = await token({
      grant_type: "refresh_token",
      refresh_token: first.body.refresh_token,
      scope: `${API_SCOPE} openid offline_access`,
    });
    assert.equal(refreshed.status, 200);
    assert.notEqual(refreshed.body.refresh_token, first.body.refresh_token);
    const claims = await verifyToken(emulator, refreshed.body.access_token, {
      issuer: V2_ISSUER,
      audience: REGISTRY_APP.clientId,
    });
    assert.equal(claims.oid, USERS.megan.objectId);
    assert.equal(claims.groups, undefined, "Megan is in no group");
    const replay = await token({
      grant_type: "refresh_token",
      refresh_token: first.body.refresh_token,
      scope: API_SCOPE,
    });
    assert.equal(replay.status, 400);
    assert.equal(replay.body.error, "invalid_grant");
  });

  it("issues a Graph-audience token when no API scope is requested", async () => {
    const client = msalClient(emulator, REGISTRY_APP);
    const pkce = await crypto.generatePkceCodes();
    const url = await client.getAuthCodeUrl({
      scopes: ["User.Read"],
      redirectUri: REDIRECT_URI,
      codeChallenge: pkce.challenge,
      codeChallengeMethod: "S256",
    });
    const code = (await signInAs(emulator, url, USERS.adele.objectId)).searchParams.get("code")!;
    const result = await client.acquireTokenByCode({
      code,
      scopes: ["User.Read"],
      redirectUri: REDIRECT_URI,
      codeVerifier: pkce.verifier,
    });
    const payload = JSON.parse(Buffer.from(result.accessToken.split(".")[1]!, "base64url").toString());
    assert.equal(payload.aud, "00000003-0000-0000-c000-000000000000");
    assert.equal(payload.iss, `https://sts.windows.net/${TENANT_ID}/`);
    assert.equal(payload.scp, "openid profile User.Read");
    assert.equal((result.idTokenClaims as Record<string, unknown>).oid, USERS.adele.objectId);
  });
});
