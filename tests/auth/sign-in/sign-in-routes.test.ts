import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { NextRequest } from "next/server";
import { handleSignOut } from "@/lib/auth/handle-sign-out";
import { createSession, findSessionUser } from "@/lib/auth/sessions";
import { handleSignInCallback } from "@/lib/auth/sign-in/handle-sign-in-callback";
import { dbReady, getDb } from "@/lib/db";
import { useTestRegistry } from "../../support/registry-env";

let registry: Awaited<ReturnType<typeof useTestRegistry>>;

before(async () => {
  registry = await useTestRegistry();
  await dbReady();
});
after(async () => registry.close());

async function newSession(): Promise<string> {
  const user = await getDb().user.create({
    data: { tenantId: "t", objectId: crypto.randomUUID(), displayName: "Probe", entraGroupIds: [], entraAppRoles: [] },
  });
  return (await createSession(getDb(), user.id, 1)).sessionId;
}

function signOutRequest(sessionId: string, headers: Record<string, string>): NextRequest {
  return new NextRequest("http://localhost:3999/auth/sign-out", {
    method: "POST",
    headers: { cookie: `registry_session=${sessionId}`, ...headers },
  });
}

test("sign-out (lib/auth reads the session cookie): the session row goes and the cookie is cleared", async () => {
  const sessionId = await newSession();
  const response = await handleSignOut(signOutRequest(sessionId, { "sec-fetch-site": "same-origin" }));
  assert.equal(response.status, 303);
  assert.equal(response.headers.get("location"), "http://localhost:3999/sign-in?signedOut=1");
  assert.match(response.headers.get("set-cookie") ?? "", /registry_session=;.*Max-Age=0/i);
  assert.equal(await findSessionUser(getDb(), sessionId), null);
});

test("sign-out from another site is refused and the session survives", async () => {
  const sessionId = await newSession();
  const response = await handleSignOut(signOutRequest(sessionId, { "sec-fetch-site": "cross-site" }));
  assert.equal(response.status, 403);
  assert.notEqual(await findSessionUser(getDb(), sessionId), null);
});

test("a callback without the pending sign-in cookie is refused, keeps the old session and clears the pending cookie", async () => {
  const sessionId = await newSession();
  const response = await handleSignInCallback(
    new NextRequest("http://localhost:3999/auth/callback?code=x&state=y", {
      headers: { cookie: `registry_session=${sessionId}` },
    }),
  );
  assert.equal(response.status, 303);
  assert.match(response.headers.get("location") ?? "", /^http:\/\/localhost:3999\/sign-in\?error=/);
  assert.match(response.headers.get("set-cookie") ?? "", /registry_auth=;.*Max-Age=0/i);
  assert.notEqual(await findSessionUser(getDb(), sessionId), null);
});
