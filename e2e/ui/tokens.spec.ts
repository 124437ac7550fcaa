import { expectError, revokeTokensNamed, uniqueName, visibleServers } from "../support/registry-api";
import { expect, test } from "../support/ui-test";
import { DEMO_USERS } from "../support/users";

/** SPEC §2.2 and §7 Settings > API Tokens: create in the UI, use the once-shown secret, revoke. */
test.use({ storageState: DEMO_USERS.admin.storageState });

test("a token created in the UI works against the API until it is revoked in the UI", async ({
  page,
  adminApi,
  bearerApi,
  cleanup,
}) => {
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
  // No permission unless chosen, and the dialog says so.
  await expect(
    createDialog.getByRole("group", { name: /^Permissions/ }).getByRole("checkbox", { checked: true }),
  ).toHaveCount(0);
  await expect(createDialog.getByRole("region", { name: "What this token can do" })).toContainText(
    "No other permissions.",
  );
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
  // An admin's token without chosen permissions cannot reach IAM (issue #9).
  expect((await me.json()).permissions).toEqual([]);
  await expectError(await client.get("/api/iam/users"), 403, "forbidden");

  await secretDialog.getByRole("button", { name: "I have copied the token" }).click();
  await expect(secretDialog).toBeHidden();
  const row = page
    .getByRole("table", { name: "Your API tokens" })
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: new RegExp(`^${name}`) }) });
  await expect(row).toContainText("Active");
  await expect(row).toContainText("Catalog reads only");
  // The list shows only the stub: the prefix and the last four characters, never the secret.
  await expect(row).toContainText(secret.slice(-4));
  await expect(row).not.toContainText(secret);
  await expect(page.getByText(secret)).toHaveCount(0);

  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  const confirm = page.getByRole("alertdialog", { name: `Revoke ${name}?` });
  // The dialog lives in the right-aligned, nowrap actions cell: its text must not inherit either.
  const description = confirm.getByText("Every client using this token");
  expect(await description.evaluate((el) => [getComputedStyle(el).textAlign, getComputedStyle(el).whiteSpace])).toEqual(
    ["left", "normal"],
  );
  await confirm.getByRole("button", { name: "Revoke token" }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: `Revoked ${name}` })).toBeVisible();
  await expect(row).toContainText("Revoked");
  await expect(row.getByRole("button", { name: `Revoke ${name}` })).toHaveCount(0);

  const refused = await client.get("/api/servers");
  await expectError(refused, 401, "invalid_token");
  expect(refused.headers()["www-authenticate"]).toMatch(
    /^Bearer realm="mcp-registry", error="invalid_token", resource_metadata="[^"]+\/\.well-known\/oauth-protected-resource"$/,
  );
});

test("the dialog offers only the permissions you hold, none checked, and says exactly what the token can do", async ({
  page,
  adminApi,
  bearerApi,
  cleanup,
}) => {
  const name = uniqueName("e2e-ui-scoped-token");
  cleanup(() => revokeTokensNamed(adminApi, [name]));

  await page.goto("/settings/tokens");
  await page.getByRole("button", { name: "Create token" }).click();
  const dialog = page.getByRole("dialog", { name: "Create API token" });
  await dialog.getByRole("textbox", { name: "Name", exact: true }).fill(name);
  const permissions = dialog.getByRole("group", { name: /^Permissions/ });
  const summary = dialog.getByRole("region", { name: "What this token can do" });
  // Every permission a token can carry that Adele holds; never tokens:create (only people create tokens).
  for (const permission of ["servers:write", "iam:read", "iam:write", "audit:read"]) {
    await expect(permissions.getByRole("checkbox", { name: permission })).not.toBeChecked();
  }
  await expect(permissions.getByRole("checkbox", { name: "tokens:create" })).toHaveCount(0);
  await expect(summary).toContainText(/Reads the servers and tools its groups \(.*registry-admins.*\) let you see\./);
  await expect(summary).toContainText("No other permissions.");

  await permissions.getByRole("checkbox", { name: "iam:read" }).check();
  await expect(summary).toContainText("Can view users, groups, M2M accounts and the Access Explorer (iam:read).");

  // A server restriction rules out IAM permissions: unchecked, disabled, and the reason given.
  await dialog
    .getByRole("group", { name: /^Restrict to servers/ })
    .getByRole("checkbox", { name: "github" })
    .check();
  await expect(permissions.getByRole("checkbox", { name: "iam:read" })).not.toBeChecked();
  await expect(permissions.getByRole("checkbox", { name: "iam:read" })).toBeDisabled();
  await expect(permissions).toContainText("Not with a server restriction");
  await expect(summary).not.toContainText("iam:read");
  await expect(summary).toContainText("limited to servers: github.");
  await permissions.getByRole("checkbox", { name: "servers:write" }).check();
  await expect(summary).toContainText(
    "Can register, edit and delete servers and their tools — only github (servers:write).",
  );
  await expect(summary).toContainText("No other permissions.");
  await dialog.getByRole("button", { name: "Create token" }).click();

  const secretDialog = page.getByRole("dialog", { name: `Token ${name} created` });
  const secret = await secretDialog.getByRole("textbox", { name: "New API token" }).inputValue();
  await secretDialog.getByRole("button", { name: "I have copied the token" }).click();
  const row = page
    .getByRole("table", { name: "Your API tokens" })
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: new RegExp(`^${name}`) }) });
  await expect(row).toContainText("servers:write");

  const client = await bearerApi(secret);
  const me = await client.get("/api/me");
  expect(await me.json()).toMatchObject({ kind: "token", permissions: ["servers:write"], servers: ["github"] });
  expect(await visibleServers(client)).toEqual(["github"]);
  await expectError(await client.get("/api/iam/groups"), 403, "forbidden");
});

test.describe("as a user without registry permissions", () => {
  test.use({ storageState: DEMO_USERS.regular.storageState });

  test("no permission is offered: the token reads the catalog only", async ({ page }) => {
    await page.goto("/settings/tokens");
    await page.getByRole("button", { name: "Create token" }).click();
    const dialog = page.getByRole("dialog", { name: "Create API token" });
    await expect(dialog.getByRole("group", { name: /^Permissions/ }).getByRole("checkbox")).toHaveCount(0);
    await expect(dialog).toContainText("You hold no permission a token can carry");
    await expect(dialog.getByRole("region", { name: "What this token can do" })).toContainText("No other permissions.");
  });

  // No other test creates a token for the regular demo user, so the list starts empty.
  test("the empty list offers the next step: creating the first token, whose secret stays until copied", async ({
    page,
  }) => {
    const name = uniqueName("e2e-ui-first-token");
    await page.goto("/settings/tokens");
    await expect(page.getByText("No API tokens yet")).toBeVisible();
    await page.getByRole("button", { name: "Create your first token" }).click();
    const createDialog = page.getByRole("dialog", { name: "Create API token" });
    await createDialog.getByRole("textbox", { name: "Name", exact: true }).fill(name);
    await createDialog.getByRole("button", { name: "Create token" }).click();
    // The empty state (and the button that opened the dialog) must not take the secret with it.
    const secretDialog = page.getByRole("dialog", { name: `Token ${name} created` });
    await expect(secretDialog.getByRole("textbox", { name: "New API token" })).toHaveValue(/^mcpr_/);
    await secretDialog.getByRole("button", { name: "I have copied the token" }).click();
    await expect(secretDialog).toBeHidden();
    await expect(page.getByRole("cell", { name: new RegExp(name) })).toBeVisible();
    await expect(page.getByText("No API tokens yet")).toBeHidden();
  });
});
