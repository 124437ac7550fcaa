import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { startTestUpstream, type TestUpstream } from "../../tests/gateway/support/upstream-server";
import { connectGateway, sessionCookieHeader, waitForUsageCount } from "../support/gateway-calls";
import { expectNoHorizontalOverflow } from "../support/no-overflow";
import { revokeTokensNamed, uniqueName } from "../support/registry-api";
import { expect, test } from "../support/ui-test";
import { DEMO_USERS } from "../support/users";

/**
 * Issue #10: Settings › Gateway usage shows the records the MCP gateway writes for every
 * tools/call. The calls here go through /mcp/{slug} to a real MCP server this file starts.
 * A user without audit:read gets the Audit Log's 404: see access-control.spec.ts.
 */

let upstream: TestUpstream;
test.beforeAll(async () => {
  upstream = await startTestUpstream("json");
});
test.afterAll(async () => upstream?.close());

test.use({ storageState: DEMO_USERS.admin.storageState });

const TABLE = "Gateway usage, newest first";
const rowsOf = (page: Page) =>
  page
    .getByRole("table", { name: TABLE })
    .getByRole("row")
    .filter({ has: page.getByRole("cell") });

/**
 * Five calls on a new server: as Adele's session echo, add, echo, fail (a tool error), then as
 * an API token echo. Newest first they read: echo (token), fail, echo, add, echo.
 */
async function arrangeUsage({
  adminApi,
  cleanup,
  baseURL,
}: {
  adminApi: import("@playwright/test").APIRequestContext;
  cleanup: (step: () => Promise<unknown>) => void;
  baseURL: string;
}): Promise<{ slug: string; tokenName: string }> {
  const slug = uniqueName("e2e-usage");
  const created = await adminApi.post("/api/servers", {
    data: { slug, name: "Usage Docs", url: upstream.url, tools: [{ name: "echo" }, { name: "add" }, { name: "fail" }] },
  });
  expect(created.status(), await created.text()).toBe(201);
  cleanup(() => adminApi.delete(`/api/servers/${slug}`));
  const tokenName = uniqueName("e2e-usage-token");
  const token = await adminApi.post("/api/tokens", { data: { name: tokenName, expiresInHours: 1, servers: [slug] } });
  expect(token.status(), await token.text()).toBe(201);
  cleanup(() => revokeTokensNamed(adminApi, [tokenName]));

  const session = await connectGateway(baseURL, slug, { Cookie: await sessionCookieHeader("admin") });
  // One at a time, each written before the next starts, so "newest first" has one right answer.
  const calls: [string, Record<string, unknown>][] = [
    ["echo", { text: "one" }],
    ["add", { a: 1, b: 2 }],
    ["echo", { text: "two" }],
    ["fail", {}],
  ];
  for (const [index, [name, args]] of calls.entries()) {
    await session.callTool({ name, arguments: args });
    await waitForUsageCount(adminApi, slug, index + 1);
  }
  await session.close();
  const machine = await connectGateway(baseURL, slug, { Authorization: `Bearer ${(await token.json()).token}` });
  await machine.callTool({ name: "echo", arguments: { text: "three" } });
  await machine.close();
  await waitForUsageCount(adminApi, slug, 5);
  return { slug, tokenName };
}

test("rows newest first with principal, server, tool, outcome and duration; filters in the URL by keyboard; paging; exports", async ({
  page,
  adminApi,
  cleanup,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const { slug, tokenName } = await arrangeUsage({ adminApi, cleanup, baseURL: baseURL! });

  // The nav reaches it from Settings, like the Audit Log.
  await page.goto("/settings/audit");
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Gateway Usage" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Gateway usage" })).toBeVisible();

  await page.goto(`/settings/usage?server=${slug}`);
  const rows = rowsOf(page);
  await expect(rows.getByRole("rowheader")).toHaveText(["echo", "fail", "echo", "add", "echo"]);
  const newest = rows.nth(0);
  await expect(newest).toContainText("API token");
  await expect(newest).toContainText(tokenName);
  await expect(newest.getByRole("link", { name: tokenName })).toHaveCount(0);
  await expect(newest).toContainText(/\d+ ms|\d+(\.\d)? s/);
  await expect(newest.getByText("ok", { exact: true })).toBeVisible();
  const failed = rows.nth(1);
  await expect(failed.getByText("error", { exact: true })).toBeVisible();
  await expect(failed.getByRole("link", { name: DEMO_USERS.admin.displayName })).toHaveAttribute(
    "href",
    /^\/settings\/iam\/users\/[^/]+$/,
  );
  await expect(failed.getByRole("link", { name: slug })).toHaveAttribute("href", `/servers/${slug}`);

  // Filters: keyboard only, into the URL, and back into the form after a reload.
  const form = page.getByRole("form", { name: "Filter gateway usage" });
  await form.getByRole("textbox", { name: "Principal" }).focus();
  await page.keyboard.type(DEMO_USERS.admin.displayName);
  await page.keyboard.press("Tab");
  await expect(form.getByRole("textbox", { name: "Tool" })).toBeFocused();
  await page.keyboard.type("echo");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/tool=echo/);
  await expect(page).toHaveURL(new RegExp(`server=${slug}`));
  await expect(page).toHaveURL(/principal=Adele\+Vance/);
  await expect(rows.getByRole("rowheader")).toHaveText(["echo", "echo"]);
  await page.reload();
  await expect(form.getByRole("textbox", { name: "Tool" })).toHaveValue("echo");
  await expect(rows).toHaveCount(2);

  await form.getByRole("textbox", { name: "Tool" }).fill("");
  await form.getByRole("combobox", { name: "Outcome" }).focus();
  await page.keyboard.type("Tool error");
  // Enter on a select does not submit a form; the keyboard user moves to Apply.
  await form.getByRole("button", { name: "Apply filters" }).press("Enter");
  await expect(page).toHaveURL(/outcome=error/);
  await expect(page).not.toHaveURL(/tool=[^&]/);
  await expect(rows.getByRole("rowheader")).toHaveText(["fail"]);

  await form.getByRole("textbox", { name: "Tool" }).fill("no_such_tool");
  await form.getByRole("button", { name: "Apply filters" }).press("Enter");
  await expect(page.getByText("No usage matches these filters")).toBeVisible();
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/settings\/usage$/);

  // Paging by 2 keeps the filter; Next walks the five records once, Previous comes back.
  await page.goto(`/settings/usage?server=${slug}&limit=2`);
  const pagination = page.getByRole("navigation", { name: "Pagination" });
  await expect(rows.getByRole("rowheader")).toHaveText(["echo", "fail"]);
  await pagination.getByRole("link", { name: "Next →" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/cursor=/);
  await expect(rows.getByRole("rowheader")).toHaveText(["echo", "add"]);
  await pagination.getByRole("link", { name: "Next →" }).click();
  await expect(rows.getByRole("rowheader")).toHaveText(["echo"]);
  await expect(pagination.getByText("Next →")).toHaveAttribute("aria-disabled", "true");
  await pagination.getByRole("link", { name: "← Previous" }).click();
  await expect(rows.getByRole("rowheader")).toHaveText(["echo", "add"]);
  // A filter applied on a later page starts from the first one and keeps the page size.
  await page.getByRole("form", { name: "Filter gateway usage" }).getByRole("textbox", { name: "Tool" }).fill("echo");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).not.toHaveURL(/cursor=/);
  await expect(page).toHaveURL(/limit=2/);
  await expect(rows.getByRole("rowheader")).toHaveText(["echo", "echo"]);

  // Exports carry the filters (server and tool here), whatever page is shown.
  const csvDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const csv = await readFile((await (await csvDownload).path())!, "utf8");
  const lines = csv.trim().split("\n");
  expect(lines[0]).toBe("at,principalKind,principalId,principalName,server,tool,outcome,durationMs,requestId,detail");
  expect(lines.slice(1).map((line) => line.split(",").slice(3, 7).join(","))).toEqual([
    `${tokenName} (token of ${DEMO_USERS.admin.displayName}),${slug},echo,ok`,
    `${DEMO_USERS.admin.displayName},${slug},echo,ok`,
    `${DEMO_USERS.admin.displayName},${slug},echo,ok`,
  ]);
  const jsonlDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export JSONL" }).click();
  const jsonl = (await readFile((await (await jsonlDownload).path())!, "utf8"))
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as { server: string; tool: string; principal: { kind: string } });
  expect(jsonl.map((record) => [record.server, record.tool, record.principal.kind])).toEqual([
    [slug, "echo", "token"],
    [slug, "echo", "user"],
    [slug, "echo", "user"],
  ]);
});

for (const width of [1280, 390]) {
  test(`the usage screen with its filters and rows fits ${width} px without horizontal overflow`, async ({
    page,
    adminApi,
    cleanup,
    baseURL,
    saveScreenshot,
  }) => {
    test.setTimeout(90_000);
    const { slug } = await arrangeUsage({ adminApi, cleanup, baseURL: baseURL! });
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`/settings/usage?server=${slug}&limit=3`);
    await expect(rowsOf(page)).toHaveCount(3);
    await expectNoHorizontalOverflow(page, `usage at ${width}`);
    await saveScreenshot(`usage-rows-${width}`);
  });
}
