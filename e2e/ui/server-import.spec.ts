import type { APIRequestContext, Page } from "@playwright/test";
import { uniqueName } from "../support/registry-api";
import { expect, test } from "../support/ui-test";
import { DEMO_USERS } from "../support/users";

/** Importing official server.json documents from the catalog page (issue #12). */

test.use({ storageState: DEMO_USERS.admin.storageState });

const serverJson = (slug: string, title: string) => ({
  $schema: "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json",
  name: `io.github.e2e-acme/${slug}`,
  title,
  description: `${title}, imported from server.json.`,
  version: "1.2.3",
  remotes: [{ type: "streamable-http", url: `https://mcp.example.test/${slug}` }],
});

async function deleteServer(admin: APIRequestContext, slug: string): Promise<void> {
  const response = await admin.delete(`/api/servers/${slug}`);
  expect([204, 404], `DELETE server ${slug}: ${response.status()}`).toContain(response.status());
}

async function openImport(page: Page, documents: unknown) {
  await page.goto("/");
  await page.getByRole("button", { name: "Import server.json" }).click();
  const dialog = page.getByRole("dialog", { name: "Import server.json" });
  await dialog.getByRole("textbox", { name: "server.json documents" }).fill(JSON.stringify(documents, null, 2));
  await dialog.getByRole("button", { name: "Preview" }).click();
  await expect(dialog.getByRole("region", { name: "Import preview" })).toBeVisible();
  return dialog;
}

test("paste two documents, see the preview, apply, and find both in the catalog", async ({
  page,
  adminApi,
  cleanup,
}) => {
  const [first, second] = [uniqueName("e2e-imp-a"), uniqueName("e2e-imp-b")];
  cleanup(() => deleteServer(adminApi, first));
  cleanup(() => deleteServer(adminApi, second));
  const dialog = await openImport(page, [
    serverJson(first, `Imported ${first}`),
    serverJson(second, `Imported ${second}`),
  ]);

  await expect(dialog.getByText("Preview: 2 to create, 0 to update, 0 unchanged, 0 with errors.")).toBeVisible();
  await expect(dialog.getByRole("listitem", { name: "Document 1" })).toContainText(`io.github.e2e-acme/${first}`);
  await expect(dialog.getByRole("listitem", { name: "Document 2" })).toContainText("Create");
  // A preview writes nothing.
  expect((await adminApi.get(`/api/servers/${first}`)).status()).toBe(404);

  await dialog.getByRole("button", { name: "Apply import" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "Imported 2 new and 0 updated servers" })).toBeVisible();
  const table = page.getByRole("table");
  await expect(table.getByRole("link", { name: `Imported ${first}`, exact: true })).toBeVisible();
  await expect(table.getByRole("link", { name: `Imported ${second}`, exact: true })).toBeVisible();

  // Imported once more, unchanged: nothing to apply.
  const again = await openImport(page, { servers: [{ server: serverJson(first, `Imported ${first}`) }] });
  await expect(again.getByText("Preview: 0 to create, 0 to update, 1 unchanged, 0 with errors.")).toBeVisible();
  await expect(again.getByRole("button", { name: "Apply import" })).toBeDisabled();
});

test("a bad document shows a clear per-document error and nothing can be applied", async ({ page }) => {
  const good = uniqueName("e2e-imp-ok");
  const dialog = await openImport(page, [
    serverJson(good, "Fine"),
    {
      name: "no-slash-here",
      description: "Broken",
      version: "1.0.0",
      remotes: [{ type: "streamable-http", url: "https://mcp.example.test/x" }],
    },
  ]);
  const bad = dialog.getByRole("listitem", { name: "Document 2" });
  await expect(bad).toContainText("Error");
  await expect(bad).toContainText("name: name must be reverse-DNS with one slash, e.g. io.github.acme/weather");
  await expect(dialog.getByRole("listitem", { name: "Document 1" })).toContainText("Create");
  await expect(dialog.getByRole("button", { name: "Apply import" })).toBeDisabled();

  // Text that is not JSON is caught before anything is sent.
  await dialog.getByRole("textbox", { name: "server.json documents" }).fill("{ not json");
  await dialog.getByRole("button", { name: "Preview" }).click();
  await expect(dialog.getByRole("alert").filter({ hasText: "Line 1, column 3" })).toBeVisible();
});

test("an API refusal of the pasted documents shows its whole message, not a bare one on the text field", async ({
  page,
  browserErrors,
}) => {
  // The dialog checks the documents' shape first, so the API's own 422 (a rule only it knows) is answered here.
  const message = "Invalid body: documents.0.name: too long";
  browserErrors.expectFailedResponse(422, "/api/servers/import");
  await page.route("**/api/servers/import", (route) =>
    route.fulfill({
      status: 422,
      contentType: "application/json",
      body: JSON.stringify({
        error: { code: "validation_failed", message, fields: [{ path: "documents.0.name", message: "too long" }] },
      }),
    }),
  );
  await page.goto("/");
  await page.getByRole("button", { name: "Import server.json" }).click();
  const dialog = page.getByRole("dialog", { name: "Import server.json" });
  const text = dialog.getByRole("textbox", { name: "server.json documents" });
  await text.fill(JSON.stringify(serverJson(uniqueName("e2e-imp-422"), "Refused")));
  await dialog.getByRole("button", { name: "Preview" }).click();
  await expect(dialog.getByRole("alert").filter({ hasText: message })).toBeVisible();
  await expect(text).not.toHaveAttribute("aria-invalid", "true");
});

test("the import dialog and its preview fit a 390 px phone", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const long = uniqueName("e2e-imp-a-rather-long-server-name-for-wrapping");
  const dialog = await openImport(page, [
    serverJson(long, "A server with a long title that must wrap on a phone"),
    { name: "bad", description: "", version: "1" },
  ]);
  await expect(dialog.getByRole("listitem", { name: "Document 2" })).toContainText("Error");
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `scrollWidth ${scrollWidth} > clientWidth ${clientWidth}`).toBeLessThanOrEqual(clientWidth);
  const box = (await dialog.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  expect(await dialog.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
});
