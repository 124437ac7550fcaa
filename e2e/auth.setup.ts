import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { expect, test as setup } from "@playwright/test";
import { signInThroughEmulator } from "./support/sign-in";
import { DEMO_USERS, type SignedInRole } from "./support/users";

/**
 * Signs in once per role through the real flow (registry → Entra ID emulator → callback) and
 * saves the browser state; the api and ui projects reuse it instead of signing in per test.
 */
for (const role of ["admin", "regular"] as SignedInRole[]) {
  const user = DEMO_USERS[role];
  setup(`sign in as ${role} (${user.displayName})`, async ({ page }) => {
    await signInThroughEmulator(page, user);
    const me = await page.request.get("/api/me");
    expect(me.status()).toBe(200);
    expect(await me.json()).toMatchObject({ kind: "user", displayName: user.displayName });
    await mkdir(dirname(user.storageState), { recursive: true });
    await page.context().storageState({ path: user.storageState });
  });
}
