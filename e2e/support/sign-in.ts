import { expect, type BrowserContext, type Page } from "@playwright/test";
import type { DemoUser } from "./users";

/**
 * Opens the registry's sign-in page and follows "Sign in with Microsoft" to the Entra ID
 * emulator's account picker. Returns the registry's origin, to recognise the way back.
 */
export async function startSignIn(page: Page, returnTo?: string): Promise<string> {
  await page.goto(returnTo ? `/sign-in?returnTo=${encodeURIComponent(returnTo)}` : "/sign-in");
  const registryOrigin = new URL(page.url()).origin;
  await page.getByRole("link", { name: "Sign in with Microsoft" }).click();
  await expect(page.getByRole("heading", { name: "Pick an account" })).toBeVisible();
  return registryOrigin;
}

export async function pickAccount(page: Page, user: DemoUser): Promise<void> {
  await page.getByRole("button", { name: `Sign in as ${user.displayName}` }).click();
}

/** Waits until the browser is back on the registry at `pathAndQuery`. */
export async function waitForRegistryPage(page: Page, registryOrigin: string, pathAndQuery: string): Promise<void> {
  await page.waitForURL((url) => url.origin === registryOrigin && `${url.pathname}${url.search}` === pathAndQuery);
}

/** Signs in through the emulator and waits for the registry's redirect to `expectedPath` (default: returnTo, or "/"). */
export async function signInThroughEmulator(
  page: Page,
  user: DemoUser,
  options: { returnTo?: string; expectedPath?: string } = {},
): Promise<void> {
  const registryOrigin = await startSignIn(page, options.returnTo);
  await pickAccount(page, user);
  await waitForRegistryPage(page, registryOrigin, options.expectedPath ?? options.returnTo ?? "/");
}

/** The session cookie in this browser context, if any. */
export async function sessionCookie(context: BrowserContext) {
  return (await context.cookies()).find(
    (cookie) => cookie.name === "registry_session" || cookie.name === "__Host-registry_session",
  );
}

/** Signs out with the app header's "Sign out" button (a same-origin form POST to /auth/sign-out). */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL((url) => url.pathname === "/sign-in" && url.searchParams.get("signedOut") === "1");
}
