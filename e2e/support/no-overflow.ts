import { expect, type Page } from "@playwright/test";

/** The page does not scroll sideways (screens must fit 1280 and 390 px); names the widest culprits when it does. */
export async function expectNoHorizontalOverflow(page: Page, what: string): Promise<void> {
  const { scrollWidth, clientWidth, culprits } = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const culprits = [...document.querySelectorAll("body *")]
      .filter((element) => element.getBoundingClientRect().right > width + 0.5)
      // Content inside a horizontal scroll box (wide tables) scrolls there, not the page.
      .filter((element) => {
        for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
          if (["auto", "scroll", "hidden", "clip"].includes(getComputedStyle(parent).overflowX)) return false;
        }
        return true;
      })
      .slice(-5)
      .map(
        (element) =>
          `${element.tagName.toLowerCase()}.${String(element.getAttribute("class") ?? "").slice(0, 60)} → ${Math.round(element.getBoundingClientRect().right)}`,
      );
    return { scrollWidth: document.documentElement.scrollWidth, clientWidth: width, culprits };
  });
  expect(
    scrollWidth,
    `${what}: scrollWidth ${scrollWidth} > clientWidth ${clientWidth}; past the edge: ${culprits.join("; ")}`,
  ).toBeLessThanOrEqual(clientWidth);
}
