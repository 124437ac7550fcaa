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
  /**
   * The demo admin over the API, for arranging and cleaning up. Unlike `apiAs`, it opens a new
   * connection per request: it sits idle while the browser works, and a kept-alive socket reused
   * just as the server drops it (Node's 5 s keepAliveTimeout) fails with ECONNRESET.
   */
  adminApi: APIRequestContext;
  /** Registers an undo step; they run last-in first-out after the test, also when it failed. */
  cleanup: Cleanup;
  /** A page in a new browser context signed in as `role`, watched like `page`, closed after the test. */
  newPageAs: (role: SignedInRole) => Promise<Page>;
  /** An API client that sends `Authorization: Bearer <token>` and nothing else (no cookies). */
  bearerApi: (token: string) => Promise<APIRequestContext>;
}

/** The cleanup fixture: registers an undo step. */
export type Cleanup = (step: () => Promise<unknown>) => void;

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
  adminApi: async ({ playwright, baseURL }, use) => {
    const client = await playwright.request.newContext({
      baseURL,
      storageState: DEMO_USERS.admin.storageState,
      // Cookie-authenticated writes need a same-origin Origin header (SPEC 2.1, lib/http/csrf.ts).
      extraHTTPHeaders: { Origin: new URL(baseURL!).origin, Connection: "close" },
    });
    await use(client);
    await client.dispose();
  },
  // Depends on adminApi so that the client the steps use is still open when they run.
  cleanup: async ({ adminApi }, use) => {
    void adminApi;
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
      // An explicit empty state: request contexts otherwise inherit the test's storageState, and
      // a bearer token sent together with a session cookie is (rightly) a 400 invalid_request.
      // Connection: close, for the reason given at adminApi.
      const client = await playwright.request.newContext({
        baseURL,
        storageState: { cookies: [], origins: [] },
        extraHTTPHeaders: { Authorization: `Bearer ${token}`, Connection: "close" },
      });
      clients.push(client);
      return client;
    });
    await Promise.all(clients.map((client) => client.dispose()));
  },
});

export { expect };
