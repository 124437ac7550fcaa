import type { APIRequestContext, Page } from "@playwright/test";
import { startTestUpstream, UPSTREAM_TOOLS, type TestUpstream } from "../../tests/gateway/support/upstream-server";
import { freePortSync } from "../support/free-port";
import { uniqueName } from "../support/registry-api";
import { expect, test } from "../support/ui-test";
import { DEMO_USERS } from "../support/users";

/**
 * Discover tools and health against a real MCP server (the SDK's McpServer) that this test
 * starts on a local port and registers over the admin API.
 */

let upstream: TestUpstream;
test.beforeAll(async () => {
  upstream = await startTestUpstream("json");
});
test.afterAll(async () => upstream?.close());

async function registerServer(admin: APIRequestContext, url: string): Promise<string> {
  const slug = uniqueName("e2e-discover");
  const response = await admin.post("/api/servers", {
    data: {
      slug,
      name: "Discovered Docs",
      url,
      tools: [{ name: "echo", description: "An old echo." }, { name: "retired_tool" }],
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return slug;
}

async function toolNames(admin: APIRequestContext, slug: string): Promise<string[]> {
  const response = await admin.get(`/api/servers/${slug}/tools`);
  return ((await response.json()) as { items: { name: string }[] }).items.map((tool) => tool.name);
}

async function expectNoHorizontalOverflow(page: Page, what: string): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `${what}: scrollWidth ${scrollWidth} > clientWidth ${clientWidth}`).toBeLessThanOrEqual(
    clientWidth,
  );
}

test.describe("a catalog manager (the demo admin)", () => {
  test.use({ storageState: DEMO_USERS.admin.storageState });

  test("discovers the upstream's tools, reviews the diff, applies it, and checks health", async ({
    page,
    adminApi,
    cleanup,
  }) => {
    const slug = await registerServer(adminApi, upstream.url);
    cleanup(() => adminApi.delete(`/api/servers/${slug}`));
    await page.goto(`/servers/${slug}`);
    const health = page.getByRole("region", { name: "Health" });
    await expect(health).toContainText("Unknown");
    await expect(health).toContainText("not checked yet");

    // Cancel leaves the tools as they were.
    await page.getByRole("button", { name: "Discover tools" }).click();
    const dialog = page.getByRole("dialog", { name: "Discover tools" });
    const changes = dialog.getByRole("region", { name: "Discovered changes" });
    await expect(changes).toContainText("4 added, 1 changed, 1 removed, 0 unchanged");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    expect(await toolNames(adminApi, slug)).toEqual(["echo", "retired_tool"]);

    await page.getByRole("button", { name: "Discover tools" }).click();
    await expect(changes.getByRole("list", { name: "Added" }).getByRole("listitem")).toHaveText([
      "add",
      "admin_reset",
      "fail",
      "progress",
    ]);
    await expect(changes.getByRole("list", { name: "Changed" }).getByRole("listitem")).toHaveText(["echo"]);
    await expect(changes.getByRole("list", { name: "Removed" }).getByRole("listitem")).toHaveText(["retired_tool"]);
    await dialog.getByRole("button", { name: "Apply" }).click();
    await expect(dialog).toBeHidden();
    const tools = page.getByRole("region", { name: `Tools (${UPSTREAM_TOOLS.length})` });
    await expect(tools).toBeVisible();
    for (const name of UPSTREAM_TOOLS) await expect(tools.getByRole("listitem", { name })).toBeVisible();
    expect(await toolNames(adminApi, slug)).toEqual([...UPSTREAM_TOOLS].sort());

    // Discovery probed the upstream, so health is known; Check now probes again.
    await health.getByRole("button", { name: "Check now" }).click();
    await expect(health).toContainText("Up");
    await expect(health).toContainText(/\d+ ms/);
    await expect(health).toContainText("checked just now");
    const listed = (await (await adminApi.get("/api/servers?limit=200")).json()) as {
      items: { slug: string; health: { status: string; latencyMs: number | null } }[];
    };
    const mine = listed.items.find((item) => item.slug === slug)!;
    expect(mine.health.status).toBe("up");
    expect(typeof mine.health.latencyMs).toBe("number");
  });

  // Discovery against a down upstream answers 502, which the UI harness (rightly) never accepts
  // from the product; its message is covered by tests/servers/discover-tools.test.ts.
  test("a server whose upstream is down: Check now shows it down and says why", async ({ page, adminApi, cleanup }) => {
    // A free port: nothing listens there.
    const slug = await registerServer(adminApi, `http://127.0.0.1:${freePortSync()}/mcp`);
    cleanup(() => adminApi.delete(`/api/servers/${slug}`));
    await page.goto(`/servers/${slug}`);
    const health = page.getByRole("region", { name: "Health" });
    await health.getByRole("button", { name: "Check now" }).click();
    await expect(health).toContainText("Down");
    await expect(health).toContainText("unreachable (ECONNREFUSED)");
    await expect(health).toContainText("checked just now");
  });

  test("the server page with the discovery dialog fits 390 px without horizontal overflow", async ({
    page,
    adminApi,
    cleanup,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const slug = await registerServer(adminApi, upstream.url);
    cleanup(() => adminApi.delete(`/api/servers/${slug}`));
    await page.goto(`/servers/${slug}`);
    await page.getByRole("region", { name: "Health" }).getByRole("button", { name: "Check now" }).click();
    await expect(page.getByRole("region", { name: "Health" })).toContainText(/\d+ ms/);
    await expectNoHorizontalOverflow(page, "server page");
    await page.getByRole("button", { name: "Discover tools" }).click();
    await expect(
      page.getByRole("dialog", { name: "Discover tools" }).getByRole("region", { name: "Discovered changes" }),
    ).toBeVisible();
    await expectNoHorizontalOverflow(page, "discovery dialog");
  });
});

test.describe("a regular user (Alex Wilber)", () => {
  test.use({ storageState: DEMO_USERS.regular.storageState });

  test("sees health but neither Discover tools nor Check now", async ({ page }) => {
    await page.goto("/servers/github");
    await expect(page.getByRole("region", { name: "Health" })).toBeVisible();
    await expect(page.getByRole("button", { name: /^(Discover tools|Check now)$/ })).toHaveCount(0);
  });
});
