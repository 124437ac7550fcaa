import { expectError, revokeTokensNamed, uniqueName, visibleServers } from "../support/registry-api";
import { expect, test } from "../support/ui-test";
import { DEMO_USERS } from "../support/users";

/** SPEC §2.2 and §7 Settings > API Tokens: create in the UI, use the once-shown secret, revoke. */
test.use({ storageState: DEMO_USERS.admin.storageState });

test("a token created in the UI works against the API until it is revoked in the UI", async ({ page, adminApi, bearerApi, cleanup }) => {
  const name = uniqueName("e2e-ui-token");
  // Revoked in the UI below; this only matters when the test stops before that.
  cleanup(() => revokeTokensNamed(adminApi, [name]));

  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "API Tokens" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "API Tokens" })).toBeVisible();

  await page.getByRole("button", { name: "Create token" }).click();
  const createDialog = page.getByRole("dialog", { name: "Create API token" });
  await createDialog.getByRole("textbox", { name: "Name", exact: true }).fill(name);
  await expect(createDialog.getByRole("radio", { name: "8 hours" })).toBeChecked();
  await createDialog.getByRole("button", { name: "Create token" }).click();

  const secretDialog = page.getByRole("dialog", { name: `Token ${name} created` });
  const secretField = secretDialog.getByRole("textbox", { name: "New API token" });
  await expect(secretField).toHaveValue(/^mcpr_[A-Za-z0-9_-]{43,}$/);
  const secret = await secretField.inputValue();
  await expect(secretDialog.getByRole("button", { name: "Copy token" })).toBeVisible();

  const client = await bearerApi(secret);
  const me = await client.get("/api/me");
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({ kind: "token", displayName: `${name} (token of Adele Vance)` });
  expect(await visibleServers(client)).toContain("github");

  await secretDialog.getByRole("button", { name: "I have copied the token" }).click();
  await expect(secretDialog).toBeHidden();
  const row = page.getByRole("table", { name: "Your API tokens" }).getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(`^${name}`) }) });
  await expect(row).toContainText("Active");
  // The list shows only the stub: the prefix and the last four characters, never the secret.
  await expect(row).toContainText(secret.slice(-4));
  await expect(row).not.toContainText(secret);
  await expect(page.getByText(secret)).toHaveCount(0);

  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  const confirm = page.getByRole("alertdialog", { name: `Revoke ${name}?` });
  await confirm.getByRole("button", { name: "Revoke token" }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: `Revoked ${name}` })).toBeVisible();
  await expect(row).toContainText("Revoked");
  await expect(row.getByRole("button", { name: `Revoke ${name}` })).toHaveCount(0);

  const refused = await client.get("/api/servers");
  await expectError(refused, 401, "invalid_token");
  expect(refused.headers()["www-authenticate"]).toBe('Bearer realm="mcp-registry", error="invalid_token"');
});
