import { expect, test } from "../support/ui-test";
import { DEMO_USERS } from "../support/users";

/** The Connect panel on a phone: the gateway URL and every snippet fit; only code blocks scroll. */
test.use({ viewport: { width: 390, height: 844 }, storageState: DEMO_USERS.admin.storageState });

test("Connect shows the gateway URL and client snippets without widening a 390 px page", async ({
  page,
  baseURL,
  saveScreenshot,
}) => {
  await page.goto("/servers/github");
  const panel = page.getByRole("region", { name: "Connect" });
  await expect(panel).toBeVisible();
  await expect(panel.getByText(`${baseURL}/mcp/github`, { exact: true })).toBeVisible();
  const tabs = panel.getByRole("tablist", { name: "MCP client configuration" });
  for (const [tab, expected] of [
    ["VS Code", "${input:mcp-registry-token}"],
    ["Claude Desktop", "mcp-remote"],
    ["Cursor", '"mcpServers"'],
    ["SDK", "StreamableHTTPClientTransport"],
  ] as const) {
    await tabs.getByRole("tab", { name: tab }).click();
    const code = panel.getByRole("tabpanel", { name: tab }).locator("pre");
    await expect(code).toContainText(expected);
    await expect(code).toContainText(`${baseURL}/mcp/github`);
    // The panel and its tabs stay inside the viewport; long lines scroll inside the code block.
    const box = (await panel.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(await panel.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  }
  await panel.scrollIntoViewIfNeeded();
  await saveScreenshot("server-connect-390");
});
