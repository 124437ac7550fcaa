import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { findSessionUser } from "@/lib/auth/sessions";
import { completeSignIn } from "@/lib/auth/sign-in/complete-sign-in";
import { startSignIn } from "@/lib/auth/sign-in/start-sign-in";
import { getConfig } from "@/lib/config";
import { dbReady, getDb } from "@/lib/db";
import { ensureBuiltIns } from "@/lib/iam/ensure-built-ins";
import { seedDemo } from "@/prisma/seed/seed-demo";
import type { EntraEmulator } from "@/entra-emulator/server";
import { REGISTRY_APP, USERS, demoConfig, signInAs, startTestEmulator } from "../../entra-emulator/helpers";
import { useTestRegistry } from "../../support/registry-env";

const PAYMENTS_GROUP = "1b8a6496-4d8b-4429-a9cf-7bc3d64affa1";
const system = { principal: null, requestId: "test", system: true };
let emulator: EntraEmulator;
let registry: Awaited<ReturnType<typeof useTestRegistry>>;

before(async () => {
  // Alex's ID token carries the overage marker; his one group is only in (emulated) Graph.
  emulator = await startTestEmulator(
    demoConfig(
      (raw) => void (raw.tenants[0].users.find((u: any) => u.objectId === USERS.alex.objectId).groupsOverage = true),
    ),
  );
  registry = await useTestRegistry({
    ENTRA_AUTHORITY_HOST: emulator.url,
    ENTRA_GRAPH_URL: emulator.url,
    ENTRA_CLIENT_SECRET: REGISTRY_APP.secret,
    ENTRA_EMULATOR: "true",
  });
  await dbReady();
  await ensureBuiltIns(getDb(), getConfig(), system);
  await seedDemo(getDb(), system);
});
after(async () => {
  await registry?.close();
  await emulator?.close();
});

it("an ID token with the groups-overage marker: the user's Entra groups are read from Graph at sign-in", async () => {
  const { authorizeUrl, pending } = await startSignIn(getConfig(), "/");
  const callback = await signInAs(emulator, authorizeUrl, USERS.alex.objectId);
  const params = {
    code: callback.searchParams.get("code"),
    state: callback.searchParams.get("state"),
    error: callback.searchParams.get("error"),
  };
  const { sessionId } = await completeSignIn(getDb(), getConfig(), params, pending, "req-overage");
  const user = await findSessionUser(getDb(), sessionId);
  assert.deepEqual(user?.entraGroupIds, [PAYMENTS_GROUP]);
});
