import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { findSessionUser } from "@/lib/auth/sessions";
import { completeSignIn } from "@/lib/auth/sign-in/complete-sign-in";
import { SignInError } from "@/lib/auth/sign-in/sign-in-error";
import { startSignIn } from "@/lib/auth/sign-in/start-sign-in";
import { getConfig } from "@/lib/config";
import { dbReady, getDb } from "@/lib/db";
import { ensureBuiltIns } from "@/lib/iam/ensure-built-ins";
import { seedDemo } from "@/prisma/seed/seed-demo";
import type { EntraEmulator } from "@/entra-emulator/server";
import { REGISTRY_ADMINS_GROUP, REGISTRY_APP, USERS, signInAs, startTestEmulator } from "../../entra-emulator/helpers";
import { useTestRegistry } from "../../support/registry-env";

const system = { principal: null, requestId: "test", system: true };

describe("user sign-in against the Entra ID emulator", () => {
  let emulator: EntraEmulator;
  let registry: Awaited<ReturnType<typeof useTestRegistry>>;

  before(async () => {
    emulator = await startTestEmulator();
    registry = await useTestRegistry({
      ENTRA_AUTHORITY_HOST: emulator.url,
      ENTRA_CLIENT_SECRET: REGISTRY_APP.secret,
      ENTRA_EMULATOR: "true",
    });
    await dbReady();
    await ensureBuiltIns(getDb(), getConfig(), system);
    await seedDemo(getDb(), system);
  });
  after(async () => {
    await registry.close();
    await emulator.close();
  });

  async function signIn(objectId: string, returnTo: string | null = "/servers/github") {
    const { authorizeUrl, pending } = await startSignIn(getConfig(), returnTo);
    const callback = await signInAs(emulator, authorizeUrl, objectId);
    const params = {
      code: callback.searchParams.get("code"),
      state: callback.searchParams.get("state"),
      error: callback.searchParams.get("error"),
    };
    return { authorizeUrl, pending, params };
  }

  async function refusal(promise: Promise<unknown>): Promise<SignInError> {
    const error = await promise.then(
      () => assert.fail("sign-in should have been refused"),
      (e: unknown) => e,
    );
    assert.ok(error instanceof SignInError, String(error));
    return error;
  }

  const sessionCount = () => getDb().session.count();

  it("asks for a code with PKCE S256, state, nonce and the registry's callback", async () => {
    const { authorizeUrl, pending } = await startSignIn(getConfig(), "https://evil.example/");
    const url = new URL(authorizeUrl);
    assert.equal(url.origin, emulator.url);
    assert.equal(url.searchParams.get("redirect_uri"), "http://localhost:3999/auth/callback");
    assert.equal(url.searchParams.get("code_challenge_method"), "S256");
    assert.match(url.searchParams.get("code_challenge") ?? "", /^[A-Za-z0-9_-]{43}$/);
    assert.equal(url.searchParams.get("state"), pending.state);
    assert.equal(url.searchParams.get("nonce"), pending.nonce);
    assert.equal(url.searchParams.get("response_mode"), "query");
    assert.deepEqual(url.searchParams.get("scope")?.split(" ").sort(), [
      "email",
      "offline_access",
      "openid",
      "profile",
    ]);
    assert.equal(pending.returnTo, "/");
  });

  it("signs Adele in: user recorded with her Entra groups, session created, returnTo kept", async () => {
    const { pending, params } = await signIn(USERS.adele.objectId);
    const { sessionId, returnTo } = await completeSignIn(getDb(), getConfig(), params, pending, "req-1");
    assert.equal(returnTo, "/servers/github");
    const user = await findSessionUser(getDb(), sessionId);
    assert.equal(user?.displayName, "Adele Vance");
    assert.deepEqual(user?.entraGroupIds, [REGISTRY_ADMINS_GROUP]);
    assert.ok(user?.lastSignInAt);
  });

  it("refuses a tampered state before redeeming the code (the code still works afterwards)", async () => {
    const { pending, params } = await signIn(USERS.alex.objectId);
    const before = await sessionCount();
    const error = await refusal(
      completeSignIn(getDb(), getConfig(), { ...params, state: `${params.state}x` }, pending, "req-2"),
    );
    assert.equal(error.kind, "state");
    assert.equal(await sessionCount(), before);
    await completeSignIn(getDb(), getConfig(), params, pending, "req-3");
    assert.equal(await sessionCount(), before + 1);
  });

  it("refuses a callback without a pending sign-in (expired cookie, other browser)", async () => {
    const { params } = await signIn(USERS.alex.objectId);
    assert.equal((await refusal(completeSignIn(getDb(), getConfig(), params, null, "req-4"))).kind, "state");
  });

  it("refuses an ID token whose nonce is not this browser's", async () => {
    const { pending, params } = await signIn(USERS.alex.objectId);
    const before = await sessionCount();
    await refusal(
      completeSignIn(
        getDb(),
        getConfig(),
        params,
        { ...pending, nonce: "another-nonce-another-nonce-another" },
        "req-5",
      ),
    );
    assert.equal(await sessionCount(), before);
  });

  it("refuses Megan: her registry account is disabled", async () => {
    const { pending, params } = await signIn(USERS.megan.objectId);
    const before = await sessionCount();
    const error = await refusal(completeSignIn(getDb(), getConfig(), params, pending, "req-6"));
    assert.equal(error.kind, "disabled");
    assert.equal(await sessionCount(), before);
  });

  it("reports Entra's access_denied as cancelled, other errors as failed, and a bad code as failed", async () => {
    const { pending } = await startSignIn(getConfig(), null);
    const cancelled = await refusal(
      completeSignIn(getDb(), getConfig(), { code: null, state: pending.state, error: "access_denied" }, pending, "r"),
    );
    assert.equal(cancelled.kind, "cancelled");
    const failed = await refusal(
      completeSignIn(getDb(), getConfig(), { code: null, state: pending.state, error: "server_error" }, pending, "r"),
    );
    assert.equal(failed.kind, "failed");
    const badCode = await refusal(
      completeSignIn(getDb(), getConfig(), { code: "not-a-code", state: pending.state, error: null }, pending, "r"),
    );
    assert.equal(badCode.kind, "failed");
    assert.doesNotMatch(badCode.kind, /AADSTS/);
  });
});
