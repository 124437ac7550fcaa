import type { Page } from "@playwright/test";

/**
 * Holds the browser's `method` requests to `path` until `release()`, then lets them through
 * unchanged; other methods go through at once. `requests` lists the held requests' URLs, and
 * `arrived` settles when the first one reaches the route: a test checks the pending state in
 * between, without timing guesses.
 */
export async function holdRequests(
  page: Page,
  method: string,
  path: string,
): Promise<{ requests: string[]; arrived: Promise<void>; release(): void }> {
  const requests: string[] = [];
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let arrive: () => void = () => {};
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  await page.route(`**${path}`, async (route) => {
    if (route.request().method() === method) {
      requests.push(route.request().url());
      arrive();
      await released;
    }
    await route.continue();
  });
  return { requests, arrived, release };
}
