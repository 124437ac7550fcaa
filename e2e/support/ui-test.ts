import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test as base } from "../fixtures";
import { BrowserErrors } from "./browser-errors";
import { DEMO_USERS, type SignedInRole } from "./users";

interface UiFixtures {
  /**
   * Watches the browser for console.error and page errors (auto: every UI test). A test that
   * fails a request on purpose declares it: `browserErrors.expectFailedResponse(409, "/api/…")`.
   */
  browserErrors: BrowserErrors;
  /** Registers an undo step; they run last-in first-out after the test, also when it failed. */
  cleanup: (step: () => Promise<unknown>) => void;
  /** A page in a new browser context signed in as `role`, watched like `page`, closed after the test. */
  newPageAs: (role: SignedInRole) => Promise<Page>;
  /** An API client that sends `Authorization: Bearer <token>` and nothing else (no cookies). */
  bearerApi: (token: string) => Promise<APIRequestContext>;
}

export const test = base.extend<UiFixtures>({
  browserErrors: [
    async ({ context }, use, testInfo) => {
      const errors = new BrowserErrors();
      errors.watch(context);
      await use(errors);
      const problems = errors.unexpected();
      if (problems.length > 0) {
        await testInfo.attach("browser-errors", { body: problems.join("\n\n"), contentType: "text/plain" });
        throw new Error(`The browser reported ${problems.length} unexpected error(s):\n${problems.join("\n")}`);
      }
    },
    { auto: true },
  ],
  // Depends on apiAs so that the API clients the steps use are still open when they run.
  cleanup: async ({ apiAs }, use) => {
    void apiAs;
    const steps: (() => Promise<unknown>)[] = [];
    await use((step) => {
      steps.push(step);
    });
    const failures: unknown[] = [];
    for (const step of steps.reverse()) {
      await step().catch((error: unknown) => failures.push(error));
    }
    if (failures.length > 0) throw failures[0];
  },
  newPageAs: async ({ browser, browserErrors, baseURL }, use) => {
    const contexts: Awaited<ReturnType<typeof browser.newContext>>[] = [];
    await use(async (role) => {
      const context = await browser.newContext({ baseURL, storageState: DEMO_USERS[role].storageState });
      browserErrors.watch(context);
      contexts.push(context);
      return context.newPage();
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
  bearerApi: async ({ playwright, baseURL }, use) => {
    const clients: APIRequestContext[] = [];
    await use(async (token) => {
      const client = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
      clients.push(client);
      return client;
    });
    await Promise.all(clients.map((client) => client.dispose()));
  },
});

export { expect };
