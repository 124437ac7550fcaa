import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { revokeTokensNamed, uniqueName } from "../support/registry-api";
import { expect, test } from "../support/ui-test";
import { DEMO_USERS } from "../support/users";

/**
 * Screenshots of the states the layout walk (layout.spec.ts, which captures every screen at 1280
 * and 390 px while it checks overflow) does not reach: open dialogs, and the sign-in page. Saved
 * to artifacts/screenshots/ for review (they are looked at, not compared). Each test first waits
 * for the dialog's content, so a screenshot never shows a half-loaded page.
 */
test.use({ viewport: { width: 1280, height: 800 } });
test.describe.configure({ mode: "parallel" });

/** Nothing may widen the page past the viewport (a stray absolutely positioned label did once). */
async function expectNoHorizontalScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
}

test.describe("signed in as the admin", () => {
  test.use({ storageState: DEMO_USERS.admin.storageState });

  test("the Link Entra app dialog", async ({ page, saveScreenshot }) => {
    await page.goto("/settings/iam/m2m-accounts");
    await expect(page.getByRole("heading", { level: 1, name: "M2M Accounts" })).toBeVisible();
    await page.getByRole("button", { name: "Link Entra app" }).click();
    const dialog = page.getByRole("dialog", { name: "Link Entra app" });
    await dialog.getByLabel("Client id").fill(randomUUID());
    await dialog.getByRole("textbox", { name: "Name", exact: true }).fill("deploy-pipeline");
    await expectNoHorizontalScroll(page);
    await saveScreenshot("iam-link-entra-app-dialog");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
  });

  test("the API token create and secret dialogs", async ({ page, adminApi, cleanup, saveScreenshot }) => {
    const name = uniqueName("e2e-shot-token");
    // Tokens are revoked, never deleted: leave none usable behind.
    cleanup(() => revokeTokensNamed(adminApi, [name]));

    await page.goto("/settings/tokens");
    await expect(page.getByRole("heading", { level: 1, name: "API Tokens" })).toBeVisible();
    await page.getByRole("button", { name: "Create token" }).click();
    const createDialog = page.getByRole("dialog", { name: "Create API token" });
    await createDialog.getByRole("textbox", { name: "Name", exact: true }).fill(name);
    await createDialog
      .getByRole("group", { name: /^Permissions/ })
      .getByRole("checkbox", { name: "iam:read" })
      .check();
    await expect(createDialog.getByRole("region", { name: "What this token can do" })).toContainText("(iam:read)");
    await saveScreenshot("api-token-create-dialog");
    await createDialog
      .getByRole("group", { name: /^Permissions/ })
      .getByRole("checkbox", { name: "iam:read" })
      .uncheck();
    await createDialog.getByRole("button", { name: "Create token" }).click();
    const secretDialog = page.getByRole("dialog", { name: `Token ${name} created` });
    await expect(secretDialog.getByRole("textbox", { name: "New API token" })).toHaveValue(/^mcpr_/);
    await expectNoHorizontalScroll(page);
    await saveScreenshot("api-token-secret-dialog");
    await secretDialog.getByRole("button", { name: "I have copied the token" }).click();
    await expect(secretDialog).toBeHidden();
  });
});

test("sign-in page", async ({ page, saveScreenshot }) => {
  await page.goto("/sign-in");
  await expect(page.getByRole("link", { name: "Sign in with Microsoft" })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await saveScreenshot("sign-in-page");
});
