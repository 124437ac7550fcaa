import type { APIRequestContext } from "@playwright/test";
import { expectError, uniqueName } from "../support/registry-api";
import { expect, test } from "../support/ui-test";
import { DEMO_USERS } from "../support/users";

/**
 * Settings > IAM > Provisioning: create a SCIM provisioning secret in the browser, see it once,
 * copy it, use it against /scim/v2 the way Entra's provisioning service does, revoke it.
 */
test.use({ storageState: DEMO_USERS.admin.storageState });

async function revokeProvisioningTokensNamed(admin: APIRequestContext, name: string) {
  const list = await admin.get("/api/iam/provisioning-tokens?limit=200");
  for (const token of (await list.json()).items as { id: string; name: string; revokedAt: string | null }[]) {
    if (token.name === name && !token.revokedAt) await admin.delete(`/api/iam/provisioning-tokens/${token.id}`);
  }
}

test("an admin creates a provisioning secret, copies it once, Entra-style SCIM calls work with it, and revoking ends them", async ({
  page,
  context,
  adminApi,
  bearerApi,
  cleanup,
  baseURL,
}) => {
  const name = uniqueName("e2e-ui-scim");
  cleanup(() => revokeProvisioningTokensNamed(adminApi, name));
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(baseURL!).origin });

  await page.goto("/settings");
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Provisioning" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Provisioning" })).toBeVisible();
  await expect(page.getByTestId("scim-tenant-url")).toHaveText(/\/scim\/v2$/);

  await page.getByRole("button", { name: "Create secret" }).click();
  const createDialog = page.getByRole("dialog", { name: "Create provisioning secret" });
  await createDialog.getByRole("textbox", { name: "Name", exact: true }).fill(name);
  await createDialog.getByRole("button", { name: "Create secret" }).click();

  const secretDialog = page.getByRole("dialog", { name: `Provisioning secret ${name} created` });
  const secretField = secretDialog.getByRole("textbox", { name: "New provisioning secret" });
  await expect(secretField).toHaveValue(/^mcps_[A-Za-z0-9_-]{43}$/);
  const secret = await secretField.inputValue();
  await secretDialog.getByRole("button", { name: "Copy secret" }).click();
  await expect(secretDialog.getByRole("button", { name: "Copied", exact: true })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);

  const entra = await bearerApi(secret);
  const probe = await entra.get(`/scim/v2/Users?filter=${encodeURIComponent(`userName eq "${crypto.randomUUID()}"`)}`);
  expect(probe.status()).toBe(200);
  expect(probe.headers()["content-type"]).toContain("application/scim+json");
  expect(await probe.json()).toMatchObject({ totalResults: 0, Resources: [] });
  await expectError(await entra.get("/api/me"), 401, "invalid_token");

  await secretDialog.getByRole("button", { name: "I have copied the secret" }).click();
  await expect(secretDialog).toBeHidden();
  const row = page
    .getByRole("table", { name: "Provisioning secrets" })
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: new RegExp(`^${name}`) }) });
  await expect(row).toContainText("Active");
  await expect(row).toContainText(secret.slice(-4));
  await expect(page.getByText(secret)).toHaveCount(0);

  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  const confirm = page.getByRole("alertdialog", { name: `Revoke ${name}?` });
  await confirm.getByRole("button", { name: "Revoke secret" }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: `Revoked ${name}` })).toBeVisible();
  await expect(row).toContainText("Revoked");
  await expect(row.getByRole("button", { name: `Revoke ${name}` })).toHaveCount(0);

  const refused = await entra.get("/scim/v2/Users");
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toMatchObject({
    schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"],
    status: "401",
  });
});

test.describe("on a 390 px phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the page, the create dialog and the secret dialog fit without horizontal scrolling", async ({
    page,
    adminApi,
    cleanup,
  }) => {
    const name = uniqueName("e2e-ui-scim-phone");
    cleanup(() => revokeProvisioningTokensNamed(adminApi, name));
    const noOverflow = async () =>
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await page.goto("/settings/iam/provisioning");
    await expect(page.getByRole("heading", { level: 1, name: "Provisioning" })).toBeVisible();
    await noOverflow();
    await page.getByRole("button", { name: "Create secret" }).click();
    const createDialog = page.getByRole("dialog", { name: "Create provisioning secret" });
    await createDialog.getByRole("textbox", { name: "Name", exact: true }).fill(name);
    await noOverflow();
    await createDialog.getByRole("button", { name: "Create secret" }).click();
    const secretDialog = page.getByRole("dialog", { name: `Provisioning secret ${name} created` });
    await expect(secretDialog.getByRole("textbox", { name: "New provisioning secret" })).toHaveValue(/^mcps_/);
    await noOverflow();
    await secretDialog.getByRole("button", { name: "I have copied the secret" }).click();
    await expect(
      page
        .getByRole("table", { name: "Provisioning secrets" })
        .getByRole("rowheader", { name: new RegExp(`^${name}`) }),
    ).toBeVisible();
    await noOverflow();
  });
});
