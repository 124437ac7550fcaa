import type { APIRequestContext, Page } from "@playwright/test";
import { clientCredentialsToken, DEMO_APPS } from "../support/entra-client";
import { uniqueName, visibleServers, visibleTools } from "../support/registry-api";
import { expect, test } from "../support/ui-test";
import { DEMO_USERS } from "../support/users";

/**
 * Catalog management in the UI (issue #11): register, edit, disable, tools, import, activity and
 * delete, driven by the demo admin; each effect is checked over the API, and "disabled" the way a
 * machine without servers:write sees it (the catalog-sync app's own Entra token).
 */

async function deleteServer(admin: APIRequestContext, slug: string): Promise<void> {
  const response = await admin.delete(`/api/servers/${slug}`);
  expect([204, 404], `DELETE server ${slug}: ${response.status()}`).toContain(response.status());
}

async function toolDescriptions(admin: APIRequestContext, slug: string): Promise<Record<string, string>> {
  const response = await admin.get(`/api/servers/${slug}/tools`);
  expect(response.status(), await response.text()).toBe(200);
  return Object.fromEntries(
    ((await response.json()) as { items: { name: string; description: string }[] }).items.map((tool) => [
      tool.name,
      tool.description,
    ]),
  );
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

  test("registers a server with the keyboard, edits, disables, edits its tools, imports tools, reads its activity and deletes it", async ({
    page,
    adminApi,
    bearerApi,
    cleanup,
    browserErrors,
  }) => {
    // One long story (about 30 steps, each waiting for a refresh): three times the default timeout.
    test.slow();
    const slug = uniqueName("e2e-srv");
    cleanup(() => deleteServer(adminApi, slug));
    const machine = await bearerApi(await clientCredentialsToken(DEMO_APPS.catalogSync));

    await page.goto("/");
    // Escape closes the dialog without registering anything.
    await page.getByRole("button", { name: "Register a server" }).focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Register a server" });
    await expect(dialog).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();

    // Keyboard only from here until the server page opens: Tab between fields, Enter submits.
    await page.getByRole("button", { name: "Register a server" }).focus();
    await page.keyboard.press("Enter");
    const slugField = dialog.getByRole("textbox", { name: "Slug" });
    await expect(slugField).toBeFocused();
    // Nothing is flagged before the user typed.
    await expect(dialog.locator("[aria-invalid=true]")).toHaveCount(0);
    await page.keyboard.type("github");
    await expect(dialog.getByText("6/63")).toBeVisible();
    await page.keyboard.press("Tab");
    await expect(dialog.getByRole("textbox", { name: "Name" })).toBeFocused();
    await page.keyboard.press("Tab");
    // Left empty: now the name says what is wrong, next to the field.
    await expect(dialog.getByRole("textbox", { name: "Name" })).toHaveAttribute("aria-invalid", "true");
    await expect(dialog.getByText("Name is required")).toBeVisible();
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.type("E2E Docs");
    await expect(dialog.getByText("Name is required")).toHaveCount(0);
    await page.keyboard.press("Tab");
    await page.keyboard.type("Documentation search for the e2e suite.");
    await page.keyboard.press("Tab");
    await page.keyboard.type("not a url");
    await page.keyboard.press("Tab");
    await expect(dialog.getByText("url must be an absolute http(s) URL")).toBeVisible();
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type("https://docs.example.com/mcp");
    await expect(dialog.getByText("url must be an absolute http(s) URL")).toHaveCount(0);
    await page.keyboard.press("Tab");
    await expect(dialog.getByRole("combobox", { name: "Transport" })).toBeFocused();
    await page.keyboard.press("Tab");
    await page.keyboard.type("1.0.0");
    await page.keyboard.press("Tab");
    await page.keyboard.type("docs, Bad Tag");
    await page.keyboard.press("Enter");
    await expect(dialog.getByText("“Bad”: tags are lowercase words with hyphens")).toBeVisible();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type("docs, e2e");
    // "github" is taken: the API's 409 lands on the slug field.
    browserErrors.expectFailedResponse(409, "/api/servers");
    await page.keyboard.press("Enter");
    await expect(dialog.getByText("A server with slug github already exists.")).toBeVisible();
    await expect(slugField).toHaveAttribute("aria-invalid", "true");
    for (let i = 0; i < 6; i++) await page.keyboard.press("Shift+Tab");
    await expect(slugField).toBeFocused();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type(slug);
    await expect(dialog.getByText("A server with slug github already exists.")).toHaveCount(0);
    await page.keyboard.press("Enter");

    await expect(dialog).toBeHidden();
    await expect(page.getByRole("status").filter({ hasText: "Registered E2E Docs" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: /E2E Docs/ })).toBeVisible();
    await page.goto(`/?q=${slug}`);
    await expect(
      page.getByRole("table", { name: "Visible MCP servers" }).getByRole("link", { name: "E2E Docs" }),
    ).toBeVisible();
    expect(await visibleServers(machine)).toContain(slug);

    // Edit: only the changed fields are sent.
    await page.getByRole("link", { name: "E2E Docs" }).click();
    const manage = page.getByRole("region", { name: "Manage server" });
    await manage.getByRole("button", { name: "Edit" }).click();
    const edit = page.getByRole("dialog", { name: "Edit E2E Docs" });
    await expect(edit.getByRole("textbox", { name: "Slug" })).toHaveCount(0);
    await edit.getByRole("textbox", { name: "Name" }).fill("E2E Docs v2");
    await edit.getByRole("textbox", { name: "Version" }).fill("2.0.0");
    await edit.getByRole("button", { name: "Save changes" }).click();
    await expect(edit).toBeHidden();
    await expect(page.getByRole("status").filter({ hasText: `Saved ${slug}` })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: /E2E Docs v2/ })).toBeVisible();
    const stored = await (await adminApi.get(`/api/servers/${slug}`)).json();
    expect(stored).toMatchObject({
      name: "E2E Docs v2",
      version: "2.0.0",
      description: "Documentation search for the e2e suite.",
      tags: ["docs", "e2e"],
    });

    // Disable: a caller without servers:write no longer sees it.
    const enabled = manage.getByRole("switch", { name: "Enabled" });
    await expect(enabled).toBeChecked();
    await enabled.click();
    await expect(page.getByRole("status").filter({ hasText: `${slug} disabled` })).toBeVisible();
    await expect(enabled).not.toBeChecked();
    expect(await visibleServers(machine)).not.toContain(slug);
    expect((await machine.get(`/api/servers/${slug}`)).status()).toBe(404);

    // Tools: empty state with the next action, then add, edit, remove.
    const tools = page.getByRole("region", { name: /^Tools \(/ });
    await expect(tools.getByText("No tools yet")).toBeVisible();
    await tools.getByRole("button", { name: "Add tool" }).last().click();
    let toolDialog = page.getByRole("dialog", { name: "Add tool" });
    await toolDialog.getByRole("textbox", { name: "Name" }).fill("search_docs");
    await toolDialog.getByRole("textbox", { name: "Description" }).fill("Search the docs.");
    const schemaField = toolDialog.getByRole("textbox", { name: "Input schema (JSON)" });
    await schemaField.fill('{\n  "type": "object",\n  "properties": { "query": { "type": "string" } },\n}');
    await schemaField.blur();
    await expect(
      toolDialog.getByText('Input schema is not valid JSON. Line 4, column 1: unexpected "}"'),
    ).toBeVisible();
    await schemaField.fill('{ "type": "object", "properties": { "query": { "type": "string" } } }');
    await toolDialog.getByRole("button", { name: "Add tool" }).click();
    await expect(toolDialog).toBeHidden();
    await expect(page.getByRole("status").filter({ hasText: "Added tool search_docs" })).toBeVisible();
    expect(await visibleTools(adminApi, slug)).toEqual(["search_docs"]);
    // The refreshed list replaces the empty state (and its own "Add tool").
    await expect(tools.getByRole("listitem", { name: "search_docs" })).toBeVisible();

    await tools.getByRole("button", { name: "Add tool" }).click();
    toolDialog = page.getByRole("dialog", { name: "Add tool" });
    await toolDialog.getByRole("textbox", { name: "Name" }).fill("search_docs");
    await toolDialog.getByRole("button", { name: "Add tool" }).click();
    await expect(toolDialog.getByText("A tool named search_docs already exists on this server.")).toBeVisible();
    await toolDialog.getByRole("textbox", { name: "Name" }).fill("ping");
    await toolDialog.getByRole("button", { name: "Add tool" }).click();
    await expect(toolDialog).toBeHidden();
    await expect(tools.getByRole("listitem", { name: "ping" })).toBeVisible();
    expect(await visibleTools(adminApi, slug)).toEqual(["ping", "search_docs"]);

    await tools.getByRole("button", { name: "Edit tool ping" }).click();
    toolDialog = page.getByRole("dialog", { name: "Edit tool ping" });
    await toolDialog.getByRole("textbox", { name: "Description" }).fill("Health check.");
    await toolDialog.getByRole("button", { name: "Save tool" }).click();
    await expect(toolDialog).toBeHidden();
    await expect(page.getByRole("status").filter({ hasText: "Saved tool ping" })).toBeVisible();
    await expect(tools.getByRole("button", { name: "Edit tool ping" })).toBeFocused();
    expect(await toolDescriptions(adminApi, slug)).toEqual({ ping: "Health check.", search_docs: "Search the docs." });

    await tools.getByRole("button", { name: "Remove tool search_docs" }).click();
    const removeDialog = page.getByRole("alertdialog", { name: "Remove tool search_docs?" });
    await removeDialog.getByRole("button", { name: "Remove tool" }).click();
    await expect(removeDialog).toBeHidden();
    await expect(tools.getByRole("listitem", { name: "search_docs" })).toHaveCount(0);
    expect(await visibleTools(adminApi, slug)).toEqual(["ping"]);

    // Import: a wrong list says where; a valid one is previewed, and only applied on request.
    await tools.getByRole("button", { name: "Import JSON" }).click();
    const importDialog = page.getByRole("dialog", { name: "Import tools as JSON" });
    const json = importDialog.getByRole("textbox", { name: "Tools JSON" });
    await expect(importDialog.getByRole("button", { name: "Apply import" })).toBeDisabled();
    await json.fill('[{ "name": "fetch page" }]');
    await importDialog.getByRole("button", { name: "Preview" }).click();
    await expect(
      importDialog.getByText("Tool 1 (fetch page), field name: tool names use letters, digits, _ . - /"),
    ).toBeVisible();
    await json.fill(
      '{ "tools": [{ "name": "ping", "description": "Health check v2." }, { "name": "fetch_page", "description": "Fetch a page." }, { "name": "list_pages" }] }',
    );
    await importDialog.getByRole("button", { name: "Preview" }).click();
    const preview = importDialog.getByRole("region", { name: "Import preview" });
    await expect(preview).toContainText("Preview: 2 added, 1 changed, 0 removed, 0 unchanged.");
    await expect(preview.getByRole("list", { name: "Added" }).getByRole("listitem")).toHaveText([
      "fetch_page",
      "list_pages",
    ]);
    await expect(preview.getByRole("list", { name: "Changed" }).getByRole("listitem")).toHaveText(["ping"]);
    expect(await visibleTools(adminApi, slug)).toEqual(["ping"]);
    await importDialog.getByRole("button", { name: "Apply import" }).click();
    await expect(importDialog).toBeHidden();
    await expect(page.getByRole("status").filter({ hasText: "Imported tools" })).toBeVisible();
    expect(await toolDescriptions(adminApi, slug)).toEqual({
      fetch_page: "Fetch a page.",
      list_pages: "",
      ping: "Health check v2.",
    });
    await expect(tools.getByRole("listitem", { name: "list_pages" })).toBeVisible();

    // Activity: this server's events, newest first, with actor and what changed.
    await page.getByRole("tab", { name: "Activity" }).click();
    const activity = page.getByRole("list", { name: "Server activity" });
    const events = activity.locator(":scope > li");
    await expect(events).toHaveCount(8);
    expect(await events.evaluateAll((items) => items.map((item) => item.getAttribute("aria-label")))).toEqual([
      ...Array<string>(5).fill("server.tools.replace"),
      "server.disable",
      "server.update",
      "server.create",
    ]);
    await expect(events.nth(0)).toContainText("Adele Vance");
    await expect(events.nth(0)).toContainText("tools: +fetch_page +list_pages");
    await expect(events.nth(1)).toContainText("tools: −search_docs");
    await expect(events.nth(5)).toContainText("enabled: true → false");
    await expect(events.nth(6)).toContainText('name: "E2E Docs" → "E2E Docs v2"');
    await expect(events.nth(7)).toContainText("created");

    // Delete: only once the slug is typed; group rules naming it are called out.
    await manage.getByRole("button", { name: "Delete" }).click();
    const confirm = page.getByRole("alertdialog", { name: `Delete server ${slug}?` });
    await expect(confirm).toContainText(`Group rules naming ${slug} stay and then match nothing.`);
    const confirmButton = confirm.getByRole("button", { name: "Delete server" });
    await expect(confirmButton).toBeDisabled();
    await confirm.getByRole("textbox").fill(slug.slice(0, -1));
    await expect(confirmButton).toBeDisabled();
    await confirm.getByRole("textbox").fill(slug);
    await confirmButton.click();
    await expect(page.getByRole("status").filter({ hasText: `Deleted ${slug}` })).toBeVisible();
    await page.waitForURL((url) => url.pathname === "/");
    expect((await adminApi.get(`/api/servers/${slug}`)).status()).toBe(404);
  });

  for (const width of [390, 1280]) {
    test(`the catalog and a server page (tools and activity) fit ${width} px without horizontal overflow`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto("/");
      await expect(page.getByRole("button", { name: "Register a server" })).toBeVisible();
      await expectNoHorizontalOverflow(page, "catalog");
      await page.goto("/servers/github");
      await expect(page.getByRole("region", { name: "Manage server" })).toBeVisible();
      await expect(page.getByRole("button", { name: "Edit tool search_issues" })).toBeVisible();
      await expectNoHorizontalOverflow(page, "server page, tools");
      await page.getByRole("tab", { name: "Activity" }).click();
      await expect(page.getByRole("list", { name: "Server activity" })).toBeVisible();
      await expectNoHorizontalOverflow(page, "server page, activity");
    });
  }
});

test.describe("a regular user (Alex Wilber)", () => {
  test.use({ storageState: DEMO_USERS.regular.storageState });

  test("sees none of the catalog-management controls", async ({ page }) => {
    await page.goto("/");
    await expect(
      page.getByRole("table", { name: "Visible MCP servers" }).getByRole("link", { name: "GitHub" }),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: "Register a server" })).toHaveCount(0);

    await page.goto("/servers/github");
    await expect(page.getByRole("region", { name: /^Tools \(/ })).toBeVisible();
    await expect(page.getByRole("region", { name: "Manage server" })).toHaveCount(0);
    await expect(page.getByRole("switch")).toHaveCount(0);
    await expect(
      page.getByRole("button", { name: /^(Edit|Delete|Add tool|Import JSON)$|^(Edit|Remove) tool / }),
    ).toHaveCount(0);
    await expect(page.getByRole("tab", { name: "Activity" })).toHaveCount(0);
  });
});
