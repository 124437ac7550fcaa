import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { EntraEmulator } from "../../entra-emulator/server";
import { escapeHtml } from "../../entra-emulator/html";
import {
  REDIRECT_URI,
  REGISTRY_APP,
  TENANT_ID,
  USERS,
  demoConfig,
  parseSignInPage,
  startTestEmulator,
} from "./helpers";

const HOSTILE = `<img src=x onerror="alert(1)">'&</strong><script>alert(2)</script>`;

function authorizeUrl(emulator: EntraEmulator, params: Record<string, string>): string {
  const query = new URLSearchParams({
    client_id: REGISTRY_APP.clientId,
    response_type: "code",
    redirect_uri: REDIRECT_URI,
    scope: `api://${REGISTRY_APP.clientId}/access_as_user openid profile offline_access`,
    state: "st",
    ...params,
  });
  return `${emulator.url}/${TENANT_ID}/oauth2/v2.0/authorize?${query}`;
}

describe("the authorize endpoint", () => {
  let emulator: EntraEmulator;
  before(async () => {
    emulator = await startTestEmulator(
      demoConfig((raw) => {
        raw.tenants[0].displayName = `Evil ${HOSTILE}`;
        raw.tenants[0].apps[0].displayName = `App ${HOSTILE}`;
        raw.tenants[0].users.push({
          objectId: "5d1ee5ea-1c3d-4b7e-9a0e-6f2f3a1b2c3d",
          displayName: HOSTILE,
          userPrincipalName: "mallory@contoso.example",
        });
      }),
    );
  });
  after(() => emulator.close());

  it("escapes every name it renders", async () => {
    const response = await fetch(authorizeUrl(emulator, { login_hint: "mallory@contoso.example" }));
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.ok(!html.includes("<img"), "no injected element");
    assert.ok(!html.includes("<script>alert"), "no injected script");
    assert.ok(html.includes(escapeHtml(HOSTILE)));
    assert.ok(html.includes("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&#39;&amp;&lt;/strong&gt;"));
    const page = parseSignInPage(html);
    assert.equal(page.accounts[0]!.label, `Sign in as ${HOSTILE}Suggested`, "the login_hint account comes first");
    assert.equal(page.accounts.length, 4);
  });

  it("shows an error page, never a redirect, for a redirect URI that is not registered", async () => {
    const response = await fetch(authorizeUrl(emulator, { redirect_uri: "https://attacker.example/callback" }), {
      redirect: "manual",
    });
    assert.equal(response.status, 400);
    assert.equal(response.headers.get("location"), null);
    const html = await response.text();
    assert.match(html, /AADSTS50011/);
    assert.match(html, /https:\/\/attacker\.example\/callback/);
    assert.ok(!html.includes('<form class="accounts"'));
  });

  it("shows an error page for an unknown client", async () => {
    const response = await fetch(authorizeUrl(emulator, { client_id: "00000000-1111-2222-3333-444444444444" }), {
      redirect: "manual",
    });
    assert.equal(response.status, 400);
    assert.match(await response.text(), /AADSTS700016/);
  });

  it("accepts a loopback redirect URI on any port, but not another path", async () => {
    const ok = await fetch(authorizeUrl(emulator, { redirect_uri: "http://localhost:51234/auth/callback" }), {
      redirect: "manual",
    });
    assert.equal(ok.status, 200);
    const otherPath = await fetch(authorizeUrl(emulator, { redirect_uri: "http://localhost:3000/elsewhere" }), {
      redirect: "manual",
    });
    assert.equal(otherPath.status, 400);
    const otherHost = await fetch(
      authorizeUrl(emulator, { redirect_uri: "http://localhost.attacker.example:3000/auth/callback" }),
      { redirect: "manual" },
    );
    assert.equal(otherHost.status, 400);
  });

  it("redirects errors about the request itself back to a registered redirect URI", async () => {
    const response = await fetch(authorizeUrl(emulator, { scope: "api://no-such-api/read openid" }), {
      redirect: "manual",
    });
    assert.equal(response.status, 302);
    const location = new URL(response.headers.get("location")!);
    assert.equal(`${location.origin}${location.pathname}`, REDIRECT_URI);
    assert.equal(location.searchParams.get("error"), "invalid_resource");
    assert.match(location.searchParams.get("error_description")!, /^AADSTS500011/);
    assert.equal(location.searchParams.get("state"), "st");
  });

  it("answers prompt=none with login_required (the emulator keeps no session)", async () => {
    const response = await fetch(authorizeUrl(emulator, { prompt: "none" }), { redirect: "manual" });
    assert.equal(new URL(response.headers.get("location")!).searchParams.get("error"), "login_required");
  });

  it("posts the response to the client with response_mode=form_post", async () => {
    const page = parseSignInPage(await (await fetch(authorizeUrl(emulator, { response_mode: "form_post" }))).text());
    const body = new URLSearchParams(page.fields);
    body.set("emulator_user", USERS.adele.objectId);
    const response = await fetch(new URL(page.action, emulator.url), { method: "POST", body, redirect: "manual" });
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(html, new RegExp(`<form method="post" action="${REDIRECT_URI}">`));
    assert.match(html, /<input type="hidden" name="code" value="[^"]+">/);
    assert.match(html, /<input type="hidden" name="state" value="st">/);
    const nonce = /<script nonce="([^"]+)">/.exec(html)?.[1];
    assert.ok(nonce && response.headers.get("content-security-policy")?.includes(`'nonce-${nonce}'`));
  });

  it("rejects a forged account choice", async () => {
    const page = parseSignInPage(await (await fetch(authorizeUrl(emulator, {}))).text());
    const body = new URLSearchParams(page.fields);
    body.set("emulator_user", "99999999-9999-4999-8999-999999999999");
    const response = await fetch(new URL(page.action, emulator.url), { method: "POST", body, redirect: "manual" });
    assert.equal(new URL(response.headers.get("location")!).searchParams.get("error"), "invalid_request");
  });

  it("signs out to a loopback post_logout_redirect_uri, or shows a signed-out page", async () => {
    const logout = (target: string) =>
      fetch(`${emulator.url}/${TENANT_ID}/oauth2/v2.0/logout?post_logout_redirect_uri=${encodeURIComponent(target)}`, {
        redirect: "manual",
      });
    const local = await logout("http://localhost:3000/");
    assert.equal(local.status, 302);
    assert.equal(local.headers.get("location"), "http://localhost:3000/");
    const foreign = await logout("https://attacker.example/");
    assert.equal(foreign.status, 200);
    assert.equal(foreign.headers.get("location"), null);
    assert.match(await foreign.text(), /You signed out of your account/);
  });
});
