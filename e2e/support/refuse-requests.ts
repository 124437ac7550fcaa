import type { Page, Route } from "@playwright/test";

/**
 * Makes the browser's `method` requests to `path` get the API's error answer (SPEC §6 shape)
 * instead of reaching the registry; other methods go through. For refusals a test cannot
 * provoke for real (a last-admin guard on a fresh user, a race lost to another admin).
 * Resolves to a function that lets the requests through again.
 */
export async function refuseRequests(
  page: Page,
  method: string,
  path: string,
  answer: { status: number; code: string; message: string },
): Promise<() => Promise<void>> {
  const handler = (route: Route) =>
    route.request().method() === method
      ? route.fulfill({
          status: answer.status,
          contentType: "application/json",
          body: JSON.stringify({ error: { code: answer.code, message: answer.message }, requestId: "e2e" }),
        })
      : route.continue();
  await page.route(`**${path}`, handler);
  return () => page.unroute(`**${path}`, handler);
}
