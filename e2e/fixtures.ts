import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { test as base, type APIRequestContext } from "@playwright/test";
import { DEMO_USERS, type SignedInRole } from "./support/users";

/** Screenshots kept for documentation and review (not failure artifacts: those go to test-results/). */
export const SCREENSHOTS_DIR = "artifacts/screenshots";

interface Fixtures {
  /** API client signed in as the demo admin or the regular demo user (session from the setup project). */
  apiAs: (role: SignedInRole) => Promise<APIRequestContext>;
  /** API client without any credential. */
  anonymousApi: APIRequestContext;
  /** Saves a full-page screenshot of `page` as artifacts/screenshots/<name>.png. */
  saveScreenshot: (name: string) => Promise<void>;
}

export const test = base.extend<Fixtures>({
  apiAs: async ({ playwright, baseURL }, use) => {
    const opened: APIRequestContext[] = [];
    await use(async (role) => {
      // Cookie-authenticated writes need a same-origin Origin header (SPEC 2.1, lib/http/csrf.ts).
      const context = await playwright.request.newContext({
        baseURL,
        storageState: DEMO_USERS[role].storageState,
        extraHTTPHeaders: { Origin: new URL(baseURL!).origin },
      });
      opened.push(context);
      return context;
    });
    await Promise.all(opened.map((context) => context.dispose()));
  },
  anonymousApi: async ({ playwright, baseURL }, use) => {
    // An explicitly empty storage state: a context must not inherit the test's signed-in cookies.
    const context = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    await use(context);
    await context.dispose();
  },
  saveScreenshot: async ({ page }, use) => {
    await use(async (name) => {
      await mkdir(SCREENSHOTS_DIR, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOTS_DIR, `${name}.png`), fullPage: true });
    });
  },
});

export { expect } from "@playwright/test";
