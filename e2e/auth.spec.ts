import { expect, test } from "./fixtures";
import {
  pickAccount,
  sessionCookie,
  signInThroughEmulator,
  signOut,
  startSignIn,
  waitForRegistryPage,
} from "./support/sign-in";
import { DEMO_USERS } from "./support/users";

interface Me {
  kind: string;
  displayName: string;
  permissions: string[];
  groups: { name: string }[];
}

test.describe("signing in with Entra ID (emulator)", () => {
  test("the admin signs in and lands where they were going, signed in", async ({ page, context, saveScreenshot }) => {
    await page.goto("/sign-in");
    await expect(page.getByTestId("sign-in-provider")).toContainText("Entra ID emulator — Contoso (demo tenant)");
    await expect(page.getByText("This is a local demo")).toBeVisible();
    await saveScreenshot("sign-in");

    await signInThroughEmulator(page, DEMO_USERS.admin, { returnTo: "/?q=github" });
    await expect(page.getByTestId("signed-in-user")).toHaveText("Adele Vance");
    const cookie = await sessionCookie(context);
    expect(cookie).toMatchObject({
      name: "registry_session",
      httpOnly: true,
      sameSite: "Lax",
      path: "/",
      secure: false,
    });
    expect(cookie!.expires * 1000 - Date.now()).toBeGreaterThan(7.5 * 3600_000);
    expect((await context.cookies()).map((c) => c.name)).not.toContain("registry_auth");

    const me = (await (await page.request.get("/api/me")).json()) as Me;
    expect(me).toMatchObject({ kind: "user", displayName: "Adele Vance" });
    expect(me.permissions).toContain("iam:read");
    expect(me.groups.map((g) => g.name)).toContain("registry-admins");
  });

  test("a disabled user cannot sign in and is told why", async ({ page, context, saveScreenshot }) => {
    const registry = await startSignIn(page);
    await pickAccount(page, DEMO_USERS.disabled);
    await waitForRegistryPage(page, registry, "/sign-in?error=disabled");
    await expect(page.getByTestId("sign-in-error")).toContainText("Your registry account is disabled");
    await saveScreenshot("sign-in-disabled");
    expect(await sessionCookie(context)).toBeUndefined();
  });

  test("a tampered state is refused and no session is created", async ({ page, context }) => {
    const registry = await startSignIn(page);
    const authorize = new URL(page.url());
    authorize.searchParams.set("state", "state-chosen-by-an-attacker");
    await page.goto(authorize.toString());
    await pickAccount(page, DEMO_USERS.admin);
    await waitForRegistryPage(page, registry, "/sign-in?error=state");
    await expect(page.getByTestId("sign-in-error")).toContainText("This sign-in could not be verified");
    expect(await sessionCookie(context)).toBeUndefined();
    expect((await page.request.get("/api/me")).status()).toBe(401);
  });

  test("a signed-out visitor is sent to sign in, then back to the page they asked for", async ({ page }) => {
    await page.goto("/?q=github");
    await page.waitForURL((url) => url.pathname === "/sign-in" && url.searchParams.get("returnTo") === "/?q=github");
    const registry = new URL(page.url()).origin;
    await page.getByRole("link", { name: "Sign in with Microsoft" }).click();
    await pickAccount(page, DEMO_USERS.regular);
    await waitForRegistryPage(page, registry, "/?q=github");
    await expect(page.getByTestId("signed-in-user")).toHaveText("Alex Wilber");
  });

  test("returnTo never leads off the registry", async ({ page, baseURL }) => {
    await page.goto("/auth/sign-in?returnTo=//evil.example/phish");
    const registry = new URL(baseURL!).origin;
    await pickAccount(page, DEMO_USERS.regular);
    await waitForRegistryPage(page, registry, "/");
  });
});

test.describe("signing out", () => {
  test("ends the session: the old cookie is refused and the sign-in page says so", async ({
    page,
    context,
    playwright,
    baseURL,
    saveScreenshot,
  }) => {
    await signInThroughEmulator(page, DEMO_USERS.admin);
    const cookie = (await sessionCookie(context))!;
    const oldCookie = await playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: { Cookie: `${cookie.name}=${cookie.value}` },
    });
    expect((await oldCookie.get("/api/me")).status()).toBe(200);

    const crossSite = await oldCookie.post("/auth/sign-out", {
      headers: { Origin: "https://evil.example" },
      maxRedirects: 0,
    });
    expect(crossSite.status()).toBe(403);
    expect((await oldCookie.get("/api/me")).status()).toBe(200);

    await signOut(page);
    await expect(page.getByTestId("signed-out-notice")).toContainText("You are signed out");
    await saveScreenshot("signed-out");
    expect(await sessionCookie(context)).toBeUndefined();
    expect((await oldCookie.get("/api/me")).status()).toBe(401);
    await oldCookie.dispose();
  });
});

test.describe("with the admin's saved session", () => {
  test.use({ storageState: DEMO_USERS.admin.storageState });

  test("the sign-in page sends a signed-in user on", async ({ page, baseURL }) => {
    await page.goto("/sign-in?returnTo=/%3Fq%3Dgithub");
    await expect(page).toHaveURL(`${baseURL}/?q=github`);
  });
});

test.describe("with the regular user's saved session", () => {
  test.use({ storageState: DEMO_USERS.regular.storageState });

  test("Alex sees less than an admin", async ({ page }) => {
    const me = (await (await page.request.get("/api/me")).json()) as Me;
    expect(me.displayName).toBe("Alex Wilber");
    expect(me.permissions).not.toContain("iam:read");
    expect(me.groups.map((g) => g.name)).toContain("team-payments");
    expect(me.groups.map((g) => g.name)).not.toContain("registry-admins");
    expect((await page.request.get("/api/iam/users")).status()).toBe(403);
  });
});
